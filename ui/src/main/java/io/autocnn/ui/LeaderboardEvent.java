package io.autocnn.ui;

/**
 * One stored trial event as the leaderboard page receives it.
 *
 * @param sequence    the store's sequence number: the page's resume point, sent as the SSE message's id
 * @param type        created, started, epoch, paused, completed, pruned, failed or cancelled
 * @param payloadJson the event's payload, a JSON object
 */
public record LeaderboardEvent(long sequence, String experimentId, int trialIndex, String type, String payloadJson) {
}
