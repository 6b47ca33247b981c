package org.nd4j.nativeblas;

/**
 * Bridge for a lookup DL4J 1.0.0-M2.1 gets wrong. Before using its oneDNN layer helpers, DL4J's
 * {@code BaseMKLDNNHelper.mklDnnEnabled()} loads {@code org.nd4j.nativeblas.Nd4jCpu$Environment} by name and calls
 * {@code getInstance().isUseMKLDNN()}; the M2.1 native jars ship that class as
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} with {@code isUseONEDNN()}, so the lookup
 * fails and every helper is silently switched off. This class answers at the looked-up name by asking the real
 * environment, and only says yes when the loaded native build really has oneDNN.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    /** The shape DL4J expects: a singleton with {@code isUseMKLDNN()}. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        public boolean isUseMKLDNN() {
            return io.autocnn.workers.train.LayerHelpers.nativeBuildHasOneDnn()
                    && org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
