package io.autocnn.coordinator.cli;

import io.autocnn.workers.data.DatasetException;
import io.autocnn.workers.data.ImageDecoder;
import io.autocnn.workers.train.ModelInput;
import io.autocnn.workers.train.Predictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * {@code autocnn predict}: a trained model's class and probabilities for image files. An image inside a folder named
 * like one of the model's classes counts as labelled: the answer is checked against it and the accuracy printed.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Classify image files (or the images in folders) with a model AutoCNN trained.")
final class PredictCommand implements Callable<Integer> {

    /** Folders are searched this deep for images, so a mistaken path cannot walk a whole disk. */
    static final int MAX_DEPTH = 4;

    @picocli.CommandLine.Spec
    CommandSpec command;

    @Parameters(index = "0", paramLabel = "MODEL",
            description = "A model zip AutoCNN wrote (train's model.zip, a trial checkpoint, compare's "
                    + "search-final.zip, the service's best-model).")
    Path model;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "IMAGE|FOLDER",
            description = "Image files, or folders searched for images (" + MAX_DEPTH + " levels deep).")
    List<Path> inputs;

    @Option(names = "--top", paramLabel = "K", description = "Classes shown per image, most likely first. "
            + "Default: ${DEFAULT-VALUE}.")
    int top = 3;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1, got " + top);
        }
        Predictor predictor;
        try {
            predictor = Predictor.load(model);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        ModelInput input = predictor.input();
        out.printf("model     %s: input %s (images are decoded and resized to it), %d classes: %s%n", model,
                input.shape(), input.classNames().size(), String.join(", ", input.classNames()));
        List<Path> images = images();
        int read = 0;
        int labelled = 0;
        int right = 0;
        for (Path image : images) {
            double[] probabilities;
            try {
                probabilities = predictor.probabilities(image);
            } catch (DatasetException e) {
                err.println("cannot read " + e.getMessage());
                continue;
            }
            read++;
            int[] ranked = IntStream.range(0, probabilities.length).boxed()
                    .sorted(Comparator.comparingDouble(i -> -probabilities[i])).mapToInt(Integer::intValue).toArray();
            String label = image.getParent() == null ? "" : image.getParent().getFileName().toString();
            boolean isLabelled = input.classNames().contains(label);
            boolean correct = isLabelled && input.classNames().get(ranked[0]).equals(label);
            labelled += isLabelled ? 1 : 0;
            right += correct ? 1 : 0;
            List<String> shown = new ArrayList<>();
            for (int k = 0; k < Math.min(top, ranked.length); k++) {
                shown.add(String.format(Locale.ROOT, "%s %.1f%%", input.classNames().get(ranked[k]),
                        100 * probabilities[ranked[k]]));
            }
            out.printf("%s\t%s%s%n", image, String.join(", ", shown),
                    isLabelled ? (correct ? "\t(folder: " + label + ", right)" : "\t(folder: " + label + ", wrong)")
                            : "");
        }
        out.printf(Locale.ROOT, "%d image(s) classified, %d unreadable%s%n", read, images.size() - read,
                labelled == 0 ? "" : String.format(Locale.ROOT, "; accuracy %.2f%% on the %d whose folder names a "
                        + "class", 100.0 * right / labelled, labelled));
        out.flush();
        if (read == 0) {
            throw new IllegalArgumentException("no image could be read from " + inputs);
        }
        return read == images.size() ? 0 : 1;
    }

    /** The image files named, and those found in the folders named, in a stable order. */
    private List<Path> images() {
        List<Path> found = new ArrayList<>();
        for (Path path : inputs) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path, MAX_DEPTH)) {
                    walk.filter(Files::isRegularFile).filter(ImageDecoder::hasImageExtension).sorted()
                            .forEach(found::add);
                } catch (IOException e) {
                    throw new IllegalArgumentException(path + ": cannot list: " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(path)) {
                found.add(path);
            } else {
                throw new IllegalArgumentException(path + ": no such image file or folder");
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no image files (" + ImageDecoder.FORMATS + ") in " + inputs);
        }
        return found;
    }
}
