package io.autocnn.workers.data;

import io.autocnn.workers.files.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A sampled, split dataset in one file, as the coordinator ships it to Spark executors that lack the dataset's files:
 * the image shape, the class names, then training, validation and test images (labels, then pixel bytes). The file
 * is named by the SHA-256 of its content, {@code data-<sha256>.bin}; a reader checks the content against the name, so
 * a file damaged on the way is refused rather than trained on.
 */
public final class DatasetSplitFile {

    private static final int MAGIC = 0x41434E44; // "ACND"
    private static final int VERSION = 1;
    private static final String PREFIX = "data-";
    private static final String SUFFIX = ".bin";
    private static final int MAX_CLASSES = 100_000;

    private DatasetSplitFile() {
    }

    /** Writes {@code split} into {@code directory} (temp file, fsync, rename) and returns the file. */
    public static Path write(DatasetSplit split, Path directory) throws IOException {
        Path partial = Files.createTempFile(Files.createDirectories(directory), PREFIX, ".partial");
        try {
            // Hashed as it is written: the name is known once the last byte is out, without reading the file again.
            MessageDigest digest = sha256();
            try (DataOutputStream data = new DataOutputStream(new BufferedOutputStream(
                    new DigestOutputStream(Files.newOutputStream(partial), digest), 1 << 16))) {
                writeTo(split, data);
            }
            Path file = directory.resolve(PREFIX + HexFormat.of().formatHex(digest.digest()) + SUFFIX);
            AtomicFiles.replace(partial, file); // forces the content to disk, renames, forces the folder
            return file;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Reads a file {@link #write} made, refusing it when its content does not match the checksum in its name. */
    public static DatasetSplit read(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
            throw new IOException(file + " is not a shipped dataset (data-<sha256>.bin)");
        }
        String expected = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
        MessageDigest digest = sha256();
        DatasetSplit split;
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                digest)) {
            DataInputStream data = new DataInputStream(in);
            split = readFrom(data, file);
            if (data.read() != -1) {
                throw new IOException(file + ": data after the test images");
            }
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expected)) {
            throw new IOException(file + " is damaged: its content hashes to " + actual + ", not " + expected);
        }
        return split;
    }

    private static void writeTo(DatasetSplit split, DataOutputStream data) throws IOException {
        ImageShape shape = split.train().shape();
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeInt(shape.channels());
        data.writeInt(shape.height());
        data.writeInt(shape.width());
        List<String> classes = split.train().classNames();
        data.writeInt(classes.size());
        for (String name : classes) {
            data.writeUTF(name);
        }
        for (LabeledImages part : List.of(split.train(), split.validation(), split.test())) {
            data.writeInt(part.size());
            for (int label : part.labels()) {
                data.writeInt(label);
            }
            data.write(part.pixels());
        }
    }

    private static DatasetSplit readFrom(DataInputStream data, Path file) throws IOException {
        if (data.readInt() != MAGIC || data.readInt() != VERSION) {
            throw new IOException(file + " is not a shipped dataset of this version");
        }
        ImageShape shape = new ImageShape(data.readInt(), data.readInt(), data.readInt());
        int classCount = data.readInt();
        if (classCount < 1 || classCount > MAX_CLASSES) {
            throw new IOException(file + ": " + classCount + " classes");
        }
        List<String> classes = new ArrayList<>(classCount);
        for (int i = 0; i < classCount; i++) {
            classes.add(data.readUTF());
        }
        List<LabeledImages> parts = new ArrayList<>(3);
        for (int part = 0; part < 3; part++) {
            int count = data.readInt();
            if (count < 0 || (long) count * shape.valuesPerImage() > Integer.MAX_VALUE) {
                throw new IOException(file + ": " + count + " images in part " + part);
            }
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = data.readInt();
            }
            byte[] pixels = new byte[count * shape.valuesPerImage()];
            data.readFully(pixels);
            parts.add(new LabeledImages(pixels, labels, shape, classes));
        }
        return new DatasetSplit(parts.get(0), parts.get(1), parts.get(2));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
