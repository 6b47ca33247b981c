package io.autocnn.coordinator.compare;

/** The two contenders of a comparison, and the search's model after its final training. */
public enum Side {
    LENET5("LeNet-5", "lenet5"),
    SEARCH("search", "search"),
    FINAL("search + final training", "search-final");

    private final String label;
    private final String csvName;

    Side(String label, String csvName) {
        this.label = label;
        this.csvName = csvName;
    }

    /** How a person reads it in reports. */
    public String label() {
        return label;
    }

    /** How it is written in {@code compare.csv}. */
    public String csvName() {
        return csvName;
    }
}
