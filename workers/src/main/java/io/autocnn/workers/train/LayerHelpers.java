package io.autocnn.workers.train;

import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * DL4J's native layer helpers (oneDNN convolution, pooling, batch norm) are off in 1.0.0-M2.1 unless a system
 * property turns them on. They are what makes a oneDNN build of ND4J fast on CPU, so trainers switch them on unless
 * the user has set the property explicitly. See {@link org.nd4j.nativeblas.Nd4jCpu} for the second reason they
 * were off.
 */
public final class LayerHelpers {

    static final String PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private LayerHelpers() {
    }

    private static volatile Boolean buildHasOneDnn;

    /**
     * Enables helpers for networks created from now on (DL4J reads the property when it builds a layer), when the
     * native build has oneDNN. Without oneDNN the helpers only add overhead (measured: a plain build trains LeNet-5
     * at about a third of its speed with them on), so they stay off.
     */
    public static void enableUnlessConfigured() {
        if (System.getProperty(PROPERTY) == null && nativeBuildHasOneDnn()) {
            System.setProperty(PROPERTY, "false");
        }
    }

    /** Whether the loaded ND4J native library was compiled with oneDNN (its build info says HAVE_ONEDNN). */
    public static boolean nativeBuildHasOneDnn() {
        if (buildHasOneDnn == null) {
            Nd4j.getExecutioner(); // loads the native library before its build info is asked for
            buildHasOneDnn = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN");
        }
        return buildHasOneDnn;
    }

    /** Whether DL4J will use oneDNN helpers: the property allows it and the native build has oneDNN. */
    public static boolean oneDnnActive() {
        return !Boolean.parseBoolean(System.getProperty(PROPERTY, "true")) && BaseMKLDNNHelper.mklDnnEnabled();
    }
}
