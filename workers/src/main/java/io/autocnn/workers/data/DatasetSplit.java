package io.autocnn.workers.data;

/**
 * A dataset ready for training, still as bytes: the training images minus the validation set carved from them, and
 * the test images. Models that do not train through ND4J (the random forest) read these directly.
 */
public record DatasetSplit(LabeledImages train, LabeledImages validation, LabeledImages test) {

    /** The same images, every one of the three parts moved by the same pixel permutation. */
    public DatasetSplit scrambled(PixelScrambler scrambler) {
        return new DatasetSplit(scrambler.apply(train), scrambler.apply(validation), scrambler.apply(test));
    }
}
