package io.autocnn.workers.train;

import io.autocnn.workers.data.ImageShape;

import java.util.List;

/**
 * What a trained model expects and answers, saved with it so it can be used on new images: the image shape its
 * first layer takes and the class names its outputs stand for, in output order.
 */
public record ModelInput(ImageShape shape, List<String> classNames) {

    public ModelInput {
        classNames = List.copyOf(classNames);
    }

    /** As text: {@code channels height width} on the first line, then one class name per line. */
    String encode() {
        return shape.channels() + " " + shape.height() + " " + shape.width() + "\n" + String.join("\n", classNames);
    }

    /** Reads what {@link #encode} wrote; {@code where} names the source in errors. */
    static ModelInput decode(String text, String where) {
        String[] lines = text.split("\n", -1);
        String[] size = lines[0].trim().split(" ");
        try {
            if (size.length != 3 || lines.length < 3) {
                throw new NumberFormatException("expected 'channels height width' and at least two class names");
            }
            return new ModelInput(new ImageShape(Integer.parseInt(size[0]), Integer.parseInt(size[1]),
                    Integer.parseInt(size[2])), List.of(lines).subList(1, lines.length));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": the model's input entry is malformed (" + e.getMessage()
                    + ")", e);
        }
    }
}
