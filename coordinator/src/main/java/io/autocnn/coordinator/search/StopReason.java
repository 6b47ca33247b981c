package io.autocnn.coordinator.search;

/** Why a search ended: one value per way out of {@link SearchRun#run()}, each with the words users read. */
public enum StopReason {
    /** As many trials as the budget allows were proposed and have ended. */
    TRIAL_BUDGET("trial budget reached"),
    /** The wall-clock budget ran out; trials still training then ended cancelled. */
    WALL_CLOCK_BUDGET("wall-clock budget used up"),
    /** The sampler had nothing left to propose (a grid walked through). */
    SAMPLER_EXHAUSTED("sampler exhausted"),
    /** More trials failed than the budget allows: the search failed as a whole. */
    TOO_MANY_FAILURES("too many failed trials"),
    /** Someone cancelled the search. */
    CANCELLED("cancelled"),
    /**
     * Its process is stopping (Ctrl-C, {@code kill}): running trials were stopped without an end of their own and run
     * again, as their next attempt, when the search resumes.
     */
    INTERRUPTED("interrupted: its process stopped; it resumes at the next start");

    private final String description;

    StopReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The description, so that messages read naturally. */
    @Override
    public String toString() {
        return description;
    }
}
