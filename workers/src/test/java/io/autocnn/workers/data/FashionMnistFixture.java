package io.autocnn.workers.data;

/** The real Fashion-MNIST from the Debian package, loaded once per test JVM. */
public final class FashionMnistFixture {

    private static LabeledImages train;
    private static LabeledImages test;

    private FashionMnistFixture() {
    }

    public static synchronized LabeledImages train() {
        if (train == null) {
            train = IdxDataset.fashionMnist(IdxDataset.FASHION_MNIST_DEFAULT_DIR).train();
        }
        return train;
    }

    public static synchronized LabeledImages test() {
        if (test == null) {
            test = IdxDataset.fashionMnist(IdxDataset.FASHION_MNIST_DEFAULT_DIR).test();
        }
        return test;
    }
}
