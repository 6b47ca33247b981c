package io.autocnn.workers.baseline;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Tribuo logs one INFO line per tree through java.util.logging: every forest AutoCNN grows keeps it to warnings. */
public final class TribuoLog {

    /** Held here: java.util.logging keeps loggers weakly, and a collected logger forgets its level. */
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    static {
        TRIBUO.setLevel(Level.WARNING);
    }

    private TribuoLog() {
    }

    /** Call before growing a forest; the setting is made once, when this class loads. */
    public static void quiet() {
        // the static initialiser did the work
    }
}
