package com.plumbline.intake.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Waits until the service has done all the work of the messages of one series: every one is a
 * message, no job is waiting or running (FOLLOW_UP jobs due days later excepted) and no
 * notification is still to be sent. Prints when the last message got its row and when all work was done,
 * in seconds since --since (epoch ms), and messages/s end to end.
 */
final class DrainWatch {

    static void run(Bench.Options options) throws Exception {
        long since = Long.parseLong(options.get("since"));
        int expected = options.number("count", 0);
        String series = options.get("series");
        long timeoutMs = options.number("timeout", 900) * 1000L;
        long allMessagesAt = -1;
        long polls = 0;
        try (Connection db = DriverManager.getConnection(options.get("jdbc"), options.get("db-user", "postgres"), "");
             Statement query = db.createStatement()) {
            while (System.currentTimeMillis() - since < timeoutMs) {
                long now = System.currentTimeMillis();
                // one statement per look (each is a commit of its own, counted in the service's commits)
                polls++;
                long messages;
                long open;
                long unsent;
                try (ResultSet row = query.executeQuery("select (select count(*) from message where provider_message_id like 'SM"
                        + series + "-%'), (select count(*) from processing_job where status = 'RUNNING'"
                        + " or (status = 'PENDING' and (due_at is null or due_at <= now()))),"
                        + " (select count(*) from notification where status in ('PENDING', 'QUEUED'))")) {
                    row.next();
                    messages = row.getLong(1);
                    open = row.getLong(2);
                    unsent = row.getLong(3);
                }
                if (messages >= expected && allMessagesAt < 0) {
                    allMessagesAt = now;
                }
                if (messages >= expected && open == 0 && unsent == 0) {
                    double seconds = (now - since) / 1000.0;
                    System.out.printf("messages=%d%nclassified_s=%.1f%ndone_s=%.1f%nmsgs_per_s=%.1f%nwatch_commits=%d%n",
                            messages, (allMessagesAt - since) / 1000.0, seconds, messages / seconds, polls);
                    return;
                }
                Thread.sleep(500);
            }
            System.out.printf("timeout=true%nmessages=%d%n", single(query,
                    "select count(*) from message where provider_message_id like 'SM" + series + "-%'"));
        }
    }

    private static long single(Statement query, String sql) throws Exception {
        try (ResultSet row = query.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
