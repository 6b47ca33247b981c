package io.autocnn.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads a service's SQLite store after the fault-injection soak ({@code bench/fault-soak.sh}) and checks what the
 * faults must not have broken: the experiment completed; every trial index 0..N-1 is in the trials table exactly
 * once and completed; each completed trial has exactly its declared epochs as epoch rows, once each, and exactly one
 * COMPLETED event; no trial beyond N exists. It reads the tables directly (not through the product's store code), so
 * a fault in that code cannot hide itself.
 *
 * <p>Arguments: the database file, the experiment id, the trials expected. Prints markdown table rows (the header is
 * the script's) and then one line per problem found; exits 2 when any check failed.
 */
public final class SoakStoreAudit {

    private SoakStoreAudit() {
    }

    public static void main(String[] args) throws SQLException {
        Path database = Path.of(args[0]);
        String experiment = args[1];
        int expected = Integer.parseInt(args[2]);
        if (!Files.isRegularFile(database)) {
            throw new IllegalArgumentException("no store at " + database);
        }
        // Only SELECTs; opened read-write so that SQLite may read a WAL the killed service left behind.
        try (Connection store = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            List<String> problems = new ArrayList<>();
            String status = single(store, "SELECT status || ' (' || reason || ')' FROM experiments WHERE id = ?",
                    experiment);
            if (status == null || !status.startsWith("COMPLETED")) {
                problems.add("experiment " + experiment + " is " + status + ", not COMPLETED");
            }
            TreeSet<Integer> lost = indices(store, """
                    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
                    SELECT i FROM n WHERE NOT EXISTS (SELECT 1 FROM trials t WHERE t.experiment_id = ?
                        AND t.trial_index = n.i AND t.state = 'COMPLETED')""", expected, experiment);
            lost.forEach(i -> problems.add("trial " + i + " is lost: " + describe(store, experiment, i)));
            TreeSet<Integer> extra = indices(store, "SELECT trial_index FROM trials WHERE experiment_id = ? "
                    + "AND (trial_index < 0 OR trial_index >= ?)", experiment, expected);
            extra.forEach(i -> problems.add("trial " + i + " is beyond the " + expected + " asked for"));
            TreeSet<Integer> duplicated = new TreeSet<>();
            duplicated.addAll(flag(problems, "has more than one trial row", indices(store,
                    "SELECT trial_index FROM trials WHERE experiment_id = ? GROUP BY trial_index HAVING count(*) > 1",
                    experiment)));
            duplicated.addAll(flag(problems, "has an epoch stored twice", indices(store,
                    "SELECT DISTINCT trial_index FROM (SELECT trial_index FROM trial_epochs WHERE experiment_id = ? "
                            + "GROUP BY trial_index, epoch HAVING count(*) > 1)", experiment)));
            duplicated.addAll(flag(problems, "completed more than once (COMPLETED events)", indices(store,
                    "SELECT trial_index FROM trial_events WHERE experiment_id = ? AND type = 'COMPLETED' "
                            + "GROUP BY trial_index HAVING count(*) > 1", experiment)));
            // Declared epochs e (1, 2, ...): rows exactly at 1..e, none missing, none past the end.
            TreeSet<Integer> wrongEpochs = flag(problems, "completed without exactly its declared epochs", indices(
                    store, """
                    SELECT t.trial_index FROM trials t
                    LEFT JOIN trial_epochs e ON e.experiment_id = t.experiment_id AND e.trial_index = t.trial_index
                    WHERE t.experiment_id = ? AND t.state = 'COMPLETED'
                    GROUP BY t.trial_index, t.spec_json, t.epochs_trained
                    HAVING count(e.epoch) != count(DISTINCT e.epoch)
                        OR count(e.epoch) != CAST(json_extract(t.spec_json, '$.training.epochs') AS INTEGER)
                        OR max(e.epoch) != json_extract(t.spec_json, '$.training.epochs')
                        OR min(e.epoch) != 1
                        OR t.epochs_trained != json_extract(t.spec_json, '$.training.epochs')""", experiment));
            int rows = count(store, "SELECT count(*) FROM trials WHERE experiment_id = ?", experiment);
            int completed = count(store, "SELECT count(*) FROM trials WHERE experiment_id = ? AND state = 'COMPLETED'",
                    experiment);
            int retried = count(store, "SELECT count(*) FROM trials WHERE experiment_id = ? AND attempt > 1",
                    experiment);
            int mostAttempts = count(store, "SELECT coalesce(max(attempt), 0) FROM trials WHERE experiment_id = ?",
                    experiment);
            int epochRows = count(store, "SELECT count(*) FROM trial_epochs WHERE experiment_id = ?", experiment);

            row("experiment status", status);
            row("trial rows in the store", Integer.toString(rows));
            row("trials completed", Integer.toString(completed));
            row("trials lost (missing or not completed)", Integer.toString(lost.size()));
            row("trials duplicated (row, epoch or completion repeated)", Integer.toString(duplicated.size()));
            row("completed trials without exactly their epochs", Integer.toString(wrongEpochs.size()));
            row("trials beyond the asked-for count", Integer.toString(extra.size()));
            row("epoch rows", Integer.toString(epochRows));
            row("trials with attempts > 1", retried + " (most attempts: " + mostAttempts + ")");
            System.out.println();
            problems.forEach(problem -> System.out.println("problem: " + problem));
            if (!problems.isEmpty()) {
                System.exit(2);
            }
        }
    }

    private static TreeSet<Integer> flag(List<String> problems, String what, TreeSet<Integer> trials) {
        trials.forEach(i -> problems.add("trial " + i + " " + what));
        return trials;
    }

    /** What the store holds of a lost trial: its row's state and message, or that there is none. */
    private static String describe(Connection store, String experiment, int trial) {
        try {
            String row = single(store, "SELECT state || ' attempt ' || attempt || ' ' || message FROM trials "
                    + "WHERE experiment_id = ? AND trial_index = ?", experiment, trial);
            return row == null ? "no row" : row;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static void row(String measure, String value) {
        System.out.println("| " + measure + " | " + value + " |");
    }

    private static TreeSet<Integer> indices(Connection store, String sql, Object... parameters) throws SQLException {
        TreeSet<Integer> found = new TreeSet<>();
        try (PreparedStatement query = prepare(store, sql, parameters); ResultSet result = query.executeQuery()) {
            while (result.next()) {
                found.add(result.getInt(1));
            }
        }
        return found;
    }

    private static int count(Connection store, String sql, Object... parameters) throws SQLException {
        return Integer.parseInt(single(store, sql, parameters));
    }

    private static String single(Connection store, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = prepare(store, sql, parameters); ResultSet result = query.executeQuery()) {
            return result.next() ? result.getString(1) : null;
        }
    }

    private static PreparedStatement prepare(Connection store, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = store.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
