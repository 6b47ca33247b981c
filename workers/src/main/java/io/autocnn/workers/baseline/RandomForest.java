package io.autocnn.workers.baseline;

import io.autocnn.workers.data.LabeledImages;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.AbstractCARTTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Breiman's random forest on raw pixel values (Tribuo's CART trees, bagged, majority vote): each tree grows on a
 * bootstrap sample and tries a random sqrt(#features) of the pixels at every split. Every pixel position is one
 * feature and the trees know nothing of which positions are neighbours, which is why a fixed permutation of the
 * pixels cannot change what the forest can learn.
 */
public final class RandomForest {

    public static final String NAME = "random-forest";
    public static final int LECTURE_TREES = 300;

    private static final LabelFactory LABELS = new LabelFactory();
    static {
        TribuoLog.quiet();
    }

    private final Model<Label> model;
    private final List<String> classNames;

    private RandomForest(Model<Label> model, List<String> classNames) {
        this.model = model;
        this.classNames = classNames;
    }

    /** Grows {@code trees} trees on {@code images}; the same images, trees and seed grow the same forest. */
    public static RandomForest train(LabeledImages images, int trees, long seed) {
        if (trees < 1) {
            throw new IllegalArgumentException("a random forest needs at least one tree, got " + trees);
        }
        if (images.size() == 0) {
            throw new IllegalArgumentException("a random forest needs training images, got none");
        }
        int features = images.shape().valuesPerImage();
        float splitFraction = (float) (Math.sqrt(features) / features);
        CARTClassificationTrainer tree = new CARTClassificationTrainer(Integer.MAX_VALUE,
                AbstractCARTTrainer.MIN_EXAMPLES, 0.0f, splitFraction, false, new GiniIndex(), seed);
        RandomForestTrainer<Label> forest = new RandomForestTrainer<>(tree, new VotingCombiner(), trees, seed);
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance(images.size() + " images of " + images.shape(), LABELS), LABELS);
        dataset.addAll(examples(images));
        return new RandomForest(forest.train(dataset), images.classNames());
    }

    /** The predicted class index of every image. */
    public int[] predict(LabeledImages images) {
        List<Prediction<Label>> predictions = model.predict(examples(images));
        int[] classes = new int[predictions.size()];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = classNames.indexOf(predictions.get(i).getOutput().getLabel());
        }
        return classes;
    }

    /** Share of {@code images} the forest misclassifies. */
    public double errorRate(LabeledImages images) {
        if (images.size() == 0) {
            throw new IllegalArgumentException("no images to measure the error on");
        }
        int[] predicted = predict(images);
        int wrong = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] != images.labels()[i]) {
                wrong++;
            }
        }
        return (double) wrong / predicted.length;
    }

    /** How the forest was trained (trainer settings, seed, data, library version), as Tribuo records it. */
    public String provenance() {
        return model.getProvenance().toString();
    }

    /**
     * One example per image. Zero pixels are left out: Tribuo reads a missing feature as 0, and dark backgrounds
     * make most pixels zero, which saves most of the memory.
     */
    private static List<Example<Label>> examples(LabeledImages images) {
        int values = images.shape().valuesPerImage();
        String[] names = featureNames(values);
        List<Example<Label>> examples = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            List<String> present = new ArrayList<>();
            List<Double> pixels = new ArrayList<>();
            for (int p = 0; p < values; p++) {
                int value = images.pixel(i, p);
                if (value != 0) {
                    present.add(names[p]);
                    pixels.add((double) value);
                }
            }
            double[] valueArray = pixels.stream().mapToDouble(Double::doubleValue).toArray();
            Label label = new Label(images.classNames().get(images.labels()[i]));
            examples.add(new ArrayExample<>(label, present.toArray(String[]::new), valueArray));
        }
        return examples;
    }

    /** Names that sort like the positions they stand for, so Tribuo's sorted feature order is pixel order. */
    private static String[] featureNames(int count) {
        String format = "pixel-%0" + String.valueOf(count - 1).length() + "d";
        String[] names = new String[count];
        for (int p = 0; p < count; p++) {
            names[p] = String.format(Locale.ROOT, format, p);
        }
        return names;
    }
}
