package io.autocnn.workers.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The datasets available by name. Names are a fixed list, never turned into classes or arbitrary paths: a request
 * picks one of these and optionally the directory its files are in.
 */
public final class DatasetCatalog {

    public static final List<String> NAMES = List.of("fashion-mnist", "mnist", "cifar10", "cifar10-gray", "folder");

    private DatasetCatalog() {
    }

    /**
     * @param name        one of {@link #NAMES}
     * @param directory   where the files are; required except for fashion-mnist (Debian package location)
     * @param folderShape the size images of a {@code folder} dataset are resized to
     */
    public static ImageDataset open(String name, Optional<Path> directory, ImageShape folderShape) {
        return switch (name) {
            case "fashion-mnist" -> IdxDataset.fashionMnist(directory.orElse(IdxDataset.FASHION_MNIST_DEFAULT_DIR));
            case "mnist" -> IdxDataset.mnist(require(name, directory));
            case "cifar10" -> new CifarBinaryDataset(require(name, directory), false);
            case "cifar10-gray" -> new CifarBinaryDataset(require(name, directory), true);
            case "folder" -> new ImageFolderDataset(require(name, directory), folderShape);
            default -> throw new IllegalArgumentException("unknown dataset '" + name + "'; choose one of " + NAMES);
        };
    }

    private static Path require(String name, Optional<Path> directory) {
        return directory.orElseThrow(() -> new IllegalArgumentException(
                "dataset '" + name + "' needs the directory of its files (--data-dir)"));
    }
}
