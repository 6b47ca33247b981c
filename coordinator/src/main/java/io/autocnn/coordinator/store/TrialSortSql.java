package io.autocnn.coordinator.store;

/**
 * The ORDER BY clause of a trial listing. Columns that can be NULL sort their NULLs last in both directions through a
 * leading {@code column IS NULL} term, written exactly as in the schema's ranking indexes so that SQLite reads the
 * ranking in index order; ties go to the lower trial index.
 */
final class TrialSortSql {

    private TrialSortSql() {
    }

    static String orderBy(TrialSort sort, boolean descending) {
        String direction = descending ? " DESC" : "";
        if (sort == TrialSort.TRIAL) {
            return "ORDER BY trial_index" + direction;
        }
        String column = column(sort);
        String nullsLast = isNullable(sort) ? column + " IS NULL, " : "";
        return "ORDER BY " + nullsLast + column + direction + ", trial_index";
    }

    private static String column(TrialSort sort) {
        return switch (sort) {
            case VALIDATION_ERROR -> "validation_error";
            case TEST_ERROR -> "test_error";
            case TRIAL -> "trial_index";
            case EPOCHS -> "epochs_trained";
            case PARAMETERS -> "parameter_count";
            case SECONDS -> "seconds";
            case UPDATED -> "updated_at";
        };
    }

    private static boolean isNullable(TrialSort sort) {
        return sort == TrialSort.VALIDATION_ERROR || sort == TrialSort.TEST_ERROR;
    }
}
