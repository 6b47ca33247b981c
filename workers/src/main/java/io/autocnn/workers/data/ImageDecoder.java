package io.autocnn.workers.data;

import org.datavec.image.loader.NativeImageLoader;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Decodes image files to one shape, the way folder datasets are read for training and images are read for
 * prediction: DataVec's {@link NativeImageLoader} (the loader behind its ImageRecordReader) resizes them and converts
 * them to the shape's channels; pixels come out as bytes, channel by channel.
 */
public final class ImageDecoder {

    /** The file name extensions of the formats the loader reads. */
    public static final Set<String> FORMATS = Set.of(NativeImageLoader.ALLOWED_FORMATS);

    private final ImageShape shape;
    private final NativeImageLoader loader;

    public ImageDecoder(ImageShape shape) {
        this.shape = shape;
        this.loader = new NativeImageLoader(shape.height(), shape.width(), shape.channels());
    }

    /** Whether the file's name ends in a format the loader reads. */
    public static boolean hasImageExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && FORMATS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The file's pixels at this decoder's shape; a {@link DatasetException} naming the file when it cannot. */
    public byte[] decode(Path file) {
        INDArray matrix;
        try {
            matrix = loader.asMatrix(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw DatasetException.unexpected(file, "a readable image", "an error: " + e.getMessage());
        }
        if (matrix == null || matrix.length() != shape.valuesPerImage()) {
            throw DatasetException.unexpected(file, "an image decodable to " + shape,
                    matrix == null ? "nothing decodable" : matrix.length() + " values");
        }
        float[] values = matrix.data().asFloat();
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) Math.max(0, Math.min(255, Math.round(values[i])));
        }
        return bytes;
    }
}
