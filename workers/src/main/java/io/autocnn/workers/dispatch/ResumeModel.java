package io.autocnn.workers.dispatch;

import org.apache.spark.broadcast.Broadcast;

import java.io.Serializable;
import java.util.Optional;

/**
 * The model zip a promoted trial continues from, travelling as a Spark broadcast: models of many megabytes inside the
 * task itself would make every task that large (Spark warns above 1 MB), while a broadcast is fetched once by the
 * executor that needs it. A plain class because {@code Optional} is not serializable.
 */
public final class ResumeModel implements Serializable {

    private static final ResumeModel NONE = new ResumeModel(null);

    private final Broadcast<byte[]> zip;

    private ResumeModel(Broadcast<byte[]> zip) {
        this.zip = zip;
    }

    public static ResumeModel none() {
        return NONE;
    }

    public static ResumeModel of(Broadcast<byte[]> zip) {
        return new ResumeModel(zip);
    }

    /** The zip's bytes (read on the executor), if there is a model to resume. */
    public Optional<byte[]> bytes() {
        return Optional.ofNullable(zip).map(Broadcast::value);
    }

    /** Frees the broadcast's copies on the driver and executors once the run has ended. */
    public void release() {
        if (zip != null) {
            zip.destroy();
        }
    }
}
