package io.autocnn.coordinator.store;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every trial of an experiment in one order, read from the store {@link TrialQuery#MAX_LIMIT} rows at a time as the
 * stream is consumed: a search that stops at its first match reads one page, a full pass holds one page at a time.
 */
public final class TrialPages {

    private TrialPages() {
    }

    private record Page(int offset, List<TrialRow> rows) {
        boolean isLast() {
            return rows.size() < TrialQuery.MAX_LIMIT;
        }
    }

    /** The experiment's trials by {@code sort}, ascending (ties by trial index, as every listing orders them). */
    public static Stream<TrialRow> all(TrialStore store, String experimentId, TrialSort sort) {
        return Stream.iterate(read(store, experimentId, sort, 0), page -> page != null,
                        page -> page.isLast() ? null : read(store, experimentId, sort, page.offset() + page.rows().size()))
                .flatMap(page -> page.rows().stream());
    }

    private static Page read(TrialStore store, String experimentId, TrialSort sort, int offset) {
        return new Page(offset, store.trials(experimentId, new TrialQuery(sort, false, Optional.empty(), offset,
                TrialQuery.MAX_LIMIT)).rows());
    }
}
