package io.autocnn.workers.data;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A user's own images, one subfolder per class ({@code dir/cat/*.png}, {@code dir/dog/*.jpg}). When the folder holds
 * {@code train/} and {@code test/} subfolders of that layout, they are the two parts; otherwise every image is
 * training data and the test part is empty. Images are decoded and resized to {@code shape} by {@link ImageDecoder}.
 * Class names are the sorted folder names.
 */
public final class ImageFolderDataset implements ImageDataset {

    private final Path directory;
    private final ImageShape shape;

    public ImageFolderDataset(Path directory, ImageShape shape) {
        this.directory = directory;
        this.shape = shape;
    }

    @Override
    public String description() {
        return "image folders in " + directory + " resized to " + shape;
    }

    /** The largest pixel buffer one Java array holds. */
    static final long MAX_PIXELS = Integer.MAX_VALUE - 8;

    /** The image files of one part, their labels and the classes they index, listed without decoding anything. */
    private record Listing(Path root, List<String> classNames, List<Path> files, int[] labels) {

        int[] all() {
            return java.util.stream.IntStream.range(0, files.size()).toArray();
        }

        /** Sampled by file name and label: the same images as sampling the decoded part. */
        int[] sample(int count, long seed) {
            return ValidationSplit.sampleIndices(labels, classNames.size(), count, seed);
        }
    }

    @Override
    public LabeledImages train() {
        Listing listing = list(trainRoot());
        return decode(listing, listing.all());
    }

    @Override
    public LabeledImages test() {
        if (!hasSplitLayout()) {
            return new LabeledImages(new byte[0], new int[0], shape, classNames());
        }
        Listing listing = list(directory.resolve("test"));
        return decode(listing, listing.all());
    }

    /** Decodes only the sampled images. */
    @Override
    public LabeledImages trainSample(int count, long seed) {
        Listing listing = list(trainRoot());
        return decode(listing, listing.sample(count, seed));
    }

    @Override
    public LabeledImages testSample(int count, long seed) {
        if (!hasSplitLayout()) {
            return test();
        }
        Listing listing = list(directory.resolve("test"));
        return decode(listing, listing.sample(count, seed));
    }

    private Path trainRoot() {
        return hasSplitLayout() ? directory.resolve("train") : directory;
    }

    /**
     * Refuses, before anything is decoded, a set of images that no array can hold or that does not fit in the memory
     * left: its bytes now and, while a trainer prepares them, four times as much again as floats.
     */
    static void requireFits(Path root, int images, ImageShape shape) {
        long bytes = (long) images * shape.valuesPerImage();
        if (bytes > MAX_PIXELS) {
            throw new DatasetException(root + ": " + images + " images of " + shape + " are " + bytes / (1 << 20)
                    + " MiB of pixels, more than one array holds (2 GiB); use --limit (or the request's "
                    + "dataset.limit) to sample fewer, or a smaller image size");
        }
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        if (bytes * 5 > free) {
            throw new DatasetException(root + ": " + images + " images of " + shape + " need about "
                    + bytes * 5 / (1 << 20) + " MiB of memory to prepare, and " + free / (1 << 20) + " MiB are free; "
                    + "use --limit to sample fewer, or a smaller image size");
        }
    }

    private boolean hasSplitLayout() {
        return Files.isDirectory(directory.resolve("train")) && Files.isDirectory(directory.resolve("test"));
    }

    private List<String> classNames() {
        Path root = hasSplitLayout() ? directory.resolve("train") : directory;
        List<String> names = subfolders(root);
        if (names.size() < 2) {
            throw DatasetException.unexpected(root, "one subfolder per class, at least two classes",
                    names.size() + " subfolder(s)");
        }
        return names;
    }

    private Listing list(Path root) {
        List<String> classNames = classNames();
        List<Path> allFiles = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (String className : subfolders(root)) {
            int label = classNames.indexOf(className);
            if (label < 0) {
                throw DatasetException.unexpected(root.resolve(className), "one of the training classes "
                        + classNames, "a class folder the training part does not have");
            }
            List<Path> files = imageFiles(root.resolve(className));
            if (files.isEmpty()) {
                throw DatasetException.unexpected(root.resolve(className), "image files (" + ImageDecoder.FORMATS + ")",
                        "none");
            }
            for (Path file : files) {
                allFiles.add(file);
                labels.add(label);
            }
        }
        return new Listing(root, classNames, allFiles, labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Decodes the images at {@code indices} of the listing, in that order. */
    private LabeledImages decode(Listing listing, int[] indices) {
        requireFits(listing.root(), indices.length, shape);
        ImageDecoder decoder = new ImageDecoder(shape);
        int stride = shape.valuesPerImage();
        byte[] pixels = new byte[indices.length * stride];
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(decoder.decode(listing.files().get(indices[i])), 0, pixels, i * stride, stride);
            labels[i] = listing.labels()[indices[i]];
        }
        return new LabeledImages(pixels, labels, shape, listing.classNames());
    }

    private static List<String> subfolders(Path root) {
        if (!Files.isDirectory(root)) {
            throw new DatasetException(root + ": expected a directory with one subfolder per class, found "
                    + (Files.exists(root) ? "a file" : "nothing"));
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new DatasetException(root + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static List<Path> imageFiles(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isRegularFile).filter(ImageDecoder::hasImageExtension).sorted().toList();
        } catch (IOException e) {
            throw new DatasetException(folder + ": cannot list: " + e.getMessage(), e);
        }
    }
}
