package io.autocnn.coordinator.search;

import io.autocnn.space.objective.Objective;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which trial a search would choose at this moment, by the {@link Objective} and its tie rule: fed each trial's
 * objective as it changes, it names the leader. The progress line, compare's best-so-far curve and the service's
 * best-over-time chart all follow this one rule, so they agree with each other and with the final ranking. A leader
 * whose latest epoch got worse can lose the lead (its checkpoint no longer holds the better network), so the leader's
 * value can rise as well as fall. Each update costs O(log trials), for logs of hundreds of thousands of events.
 * Not thread-safe.
 */
public final class LeadingTrial {

    /** A trial's place in the race. */
    public record Standing(int trial, double objective) implements Comparable<Standing> {
        @Override
        public int compareTo(Standing other) {
            return Objective.compare(objective, trial, other.objective, other.trial);
        }
    }

    private final Map<Integer, Standing> latest = new HashMap<>();
    private final TreeSet<Standing> order = new TreeSet<>();

    /**
     * Records trial {@code trial}'s current objective; returns true when the leader or its objective changed (the
     * moment a curve of the best so far gets a point).
     */
    public boolean update(int trial, double objective) {
        Optional<Standing> before = leader();
        Standing now = new Standing(trial, objective);
        Standing previous = latest.put(trial, now);
        if (previous != null) {
            order.remove(previous);
        }
        order.add(now);
        return !before.equals(leader());
    }

    public Optional<Standing> leader() {
        return order.isEmpty() ? Optional.empty() : Optional.of(order.first());
    }
}
