package io.autocnn.workers.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * MNIST-style IDX files in one directory: {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}, each optionally gzipped ({@code .gz}).
 */
public final class IdxDataset implements ImageDataset {

    /** Where the Debian package {@code dataset-fashion-mnist} installs Fashion-MNIST. */
    public static final Path FASHION_MNIST_DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    public static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    public static final List<String> DIGIT_CLASSES = IntStream.range(0, 10).mapToObj(Integer::toString).toList();

    private final Path directory;
    private final List<String> classNames;

    public IdxDataset(Path directory, List<String> classNames) {
        this.directory = directory;
        this.classNames = List.copyOf(classNames);
    }

    public static IdxDataset fashionMnist(Path directory) {
        return new IdxDataset(directory, FASHION_MNIST_CLASSES);
    }

    public static IdxDataset mnist(Path directory) {
        return new IdxDataset(directory, DIGIT_CLASSES);
    }

    @Override
    public String description() {
        return "IDX files in " + directory;
    }

    @Override
    public LabeledImages train() {
        return load("train");
    }

    @Override
    public LabeledImages test() {
        return load("t10k");
    }

    private LabeledImages load(String prefix) {
        if (!Files.isDirectory(directory)) {
            throw new DatasetException(directory + ": expected a directory of IDX files, found "
                    + (Files.exists(directory) ? "a file" : "nothing (for Fashion-MNIST: apt-get install -y dataset-fashion-mnist)"));
        }
        Path imageFile = locate(prefix + "-images-idx3-ubyte");
        Path labelFile = locate(prefix + "-labels-idx1-ubyte");
        IdxFiles.IdxArray images = IdxFiles.read(imageFile, 3);
        IdxFiles.IdxArray labels = IdxFiles.read(labelFile, 1);
        int count = images.dimensions()[0];
        if (labels.dimensions()[0] != count) {
            throw DatasetException.unexpected(labelFile, count + " labels (one per image in " + imageFile.getFileName()
                    + ")", labels.dimensions()[0] + " labels");
        }
        int[] labelValues = new int[count];
        for (int i = 0; i < count; i++) {
            labelValues[i] = labels.values()[i] & 0xFF;
            if (labelValues[i] >= classNames.size()) {
                throw DatasetException.unexpected(labelFile, "labels in [0, " + classNames.size() + ")",
                        "label " + labelValues[i] + " at position " + i);
            }
        }
        ImageShape shape = new ImageShape(1, images.dimensions()[1], images.dimensions()[2]);
        return new LabeledImages(images.values(), labelValues, shape, classNames);
    }

    private Path locate(String baseName) {
        for (String candidate : List.of(baseName, baseName + ".gz", baseName.replace("-idx", ".idx"),
                baseName.replace("-idx", ".idx") + ".gz")) {
            Path file = directory.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new DatasetException(directory.resolve(baseName) + ": file not found (also tried .gz); expected the "
                + "four MNIST-format IDX files in " + directory);
    }
}
