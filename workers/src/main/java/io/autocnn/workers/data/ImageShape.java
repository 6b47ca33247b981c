package io.autocnn.workers.data;

import java.io.Serializable;

/** Channels, height and width of every image in a dataset (channels first, as DL4J's NCHW layout). */
public record ImageShape(int channels, int height, int width) implements Serializable {

    public ImageShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("image shape must be positive, got " + channels + "x" + height + "x" + width);
        }
    }

    public int pixelsPerChannel() {
        return height * width;
    }

    public int valuesPerImage() {
        return channels * height * width;
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
