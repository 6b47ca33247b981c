package io.autocnn.workers.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST (big-endian header: magic {@code 0x0000080N} where N is the number
 * of dimensions, then one 32-bit size per dimension, then unsigned bytes). Gzipped files are detected by their magic.
 */
final class IdxFiles {

    private static final int UNSIGNED_BYTE_TYPE = 0x08;
    private static final int GZIP_MAGIC = 0x1f8b;

    private IdxFiles() {
    }

    /** An IDX array: its dimension sizes and its values. */
    record IdxArray(int[] dimensions, byte[] values) {
    }

    static IdxArray read(Path file, int expectedDimensions) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(open(file), 1 << 16))) {
            int magic = in.readInt();
            int type = (magic >>> 8) & 0xFF;
            int dimensions = magic & 0xFF;
            if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE_TYPE || dimensions != expectedDimensions) {
                throw DatasetException.unexpected(file, "an IDX file of unsigned bytes with " + expectedDimensions
                        + " dimensions (magic 0x0000080" + expectedDimensions + ")",
                        String.format("magic 0x%08x", magic));
            }
            int[] sizes = new int[dimensions];
            long total = 1;
            for (int d = 0; d < dimensions; d++) {
                sizes[d] = in.readInt();
                if (sizes[d] < 0) {
                    throw DatasetException.unexpected(file, "a non-negative size for dimension " + d, "" + sizes[d]);
                }
                total *= sizes[d];
            }
            if (total > Integer.MAX_VALUE - 8) {
                throw DatasetException.unexpected(file, "fewer than 2^31 values", total + " values");
            }
            byte[] values = new byte[(int) total];
            int read = in.readNBytes(values, 0, values.length);
            if (read != values.length) {
                throw DatasetException.unexpected(file, values.length + " data bytes (header says "
                        + describe(sizes) + ")", "only " + read + " (file truncated?)");
            }
            return new IdxArray(sizes, values);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": file not found");
        } catch (EOFException e) {
            throw DatasetException.unexpected(file, "a complete IDX header", "end of file");
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        raw.mark(2);
        int magic = (raw.read() << 8) | raw.read();
        raw.reset();
        return magic == GZIP_MAGIC ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    private static String describe(int[] sizes) {
        StringBuilder text = new StringBuilder();
        for (int size : sizes) {
            text.append(text.length() == 0 ? "" : "x").append(size);
        }
        return text.toString();
    }
}
