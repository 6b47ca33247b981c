package io.autocnn.workers.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CIFAR-10 in its binary format: {@code data_batch_1.bin} .. {@code data_batch_5.bin} and {@code test_batch.bin},
 * each a sequence of 3,073-byte records (one label byte, then 1,024 red, 1,024 green and 1,024 blue bytes of a 32x32
 * image, row by row). Training uses whichever data batches are present, in order; at least one is required.
 * With {@code grayscale}, each pixel becomes its luminance (ITU-R 601-2: 0.299 R + 0.587 G + 0.114 B, rounded),
 * as the lecture's grayscale experiment did.
 */
public final class CifarBinaryDataset implements ImageDataset {

    public static final List<String> CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
            "horse", "ship", "truck");

    static final int SIDE = 32;
    static final int PIXELS = SIDE * SIDE;
    static final int RECORD_BYTES = 1 + 3 * PIXELS;
    private static final int TRAIN_BATCHES = 5;

    private final Path directory;
    private final boolean grayscale;

    public CifarBinaryDataset(Path directory, boolean grayscale) {
        this.directory = directory;
        this.grayscale = grayscale;
    }

    @Override
    public String description() {
        return "CIFAR-10 binary batches in " + directory + (grayscale ? " (grayscale)" : "");
    }

    @Override
    public LabeledImages train() {
        List<Path> files = new ArrayList<>();
        for (int batch = 1; batch <= TRAIN_BATCHES; batch++) {
            Path file = directory.resolve("data_batch_" + batch + ".bin");
            if (Files.isRegularFile(file)) {
                files.add(file);
            }
        }
        if (files.isEmpty()) {
            throw new DatasetException(directory.resolve("data_batch_1.bin") + ": file not found; expected the "
                    + "CIFAR-10 binary batches data_batch_1.bin .. data_batch_5.bin in " + directory);
        }
        return read(files);
    }

    @Override
    public LabeledImages test() {
        return read(List.of(directory.resolve("test_batch.bin")));
    }

    private LabeledImages read(List<Path> files) {
        List<byte[]> contents = new ArrayList<>();
        int records = 0;
        for (Path file : files) {
            byte[] bytes = readAll(file);
            if (bytes.length == 0 || bytes.length % RECORD_BYTES != 0) {
                throw DatasetException.unexpected(file, "a whole number of " + RECORD_BYTES
                        + "-byte CIFAR-10 records", bytes.length + " bytes (" + (bytes.length % RECORD_BYTES)
                        + " left over)");
            }
            contents.add(bytes);
            records += bytes.length / RECORD_BYTES;
        }
        ImageShape shape = new ImageShape(grayscale ? 1 : 3, SIDE, SIDE);
        byte[] pixels = new byte[records * shape.valuesPerImage()];
        int[] labels = new int[records];
        int image = 0;
        for (int f = 0; f < files.size(); f++) {
            byte[] bytes = contents.get(f);
            for (int offset = 0; offset < bytes.length; offset += RECORD_BYTES, image++) {
                int label = bytes[offset] & 0xFF;
                if (label >= CLASSES.size()) {
                    throw DatasetException.unexpected(files.get(f), "a label byte in [0, 9] at the start of record "
                            + (offset / RECORD_BYTES), "" + label);
                }
                labels[image] = label;
                copyPixels(bytes, offset + 1, pixels, image * shape.valuesPerImage());
            }
        }
        return new LabeledImages(pixels, labels, shape, CLASSES);
    }

    private void copyPixels(byte[] record, int from, byte[] target, int to) {
        if (!grayscale) {
            System.arraycopy(record, from, target, to, 3 * PIXELS);
            return;
        }
        for (int p = 0; p < PIXELS; p++) {
            target[to + p] = (byte) luminance(record[from + p] & 0xFF, record[from + PIXELS + p] & 0xFF,
                    record[from + 2 * PIXELS + p] & 0xFF);
        }
    }

    /** ITU-R 601-2 luma, the conversion PIL's {@code convert("L")} uses. */
    static int luminance(int red, int green, int blue) {
        return (int) Math.round(0.299 * red + 0.587 * green + 0.114 * blue);
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": file not found; expected a CIFAR-10 binary batch");
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
