package io.autocnn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of this machine (every process) and of this process, read at two moments to compare. */
record CpuTime(long machineBusyJiffies, long machineAllJiffies, long processNanos) {

    static CpuTime now() {
        String[] fields;
        try {
            fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long all = 0;
        for (int i = 1; i < fields.length; i++) {
            all += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]); // idle and iowait
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new CpuTime(all - idle, all, process);
    }

    /** The machine's busy share of the time since {@code earlier}. */
    double machineBusySince(CpuTime earlier) {
        return (double) (machineBusyJiffies - earlier.machineBusyJiffies)
                / (machineAllJiffies - earlier.machineAllJiffies);
    }

    /** This process's CPU milliseconds since {@code earlier}. */
    double processMillisSince(CpuTime earlier) {
        return (processNanos - earlier.processNanos) / 1e6;
    }
}
