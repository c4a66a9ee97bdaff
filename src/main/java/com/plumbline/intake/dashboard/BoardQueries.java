package com.plumbline.intake.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.plumbline.intake.conversation.PhoneNumbers;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The dispatch board's reads: the feed, one customer's whole history, today's figures. */
@Component
public class BoardQueries {

    public static final List<String> PRIORITIES = List.of("EMERGENCY", "HIGH", "MEDIUM", "LOW");

    private static final String FEED = """
            select * from (
              select m.id, m.channel, m.priority, m.service_type, m.body, m.received_at, m.response_due,
                     cu.id as customer_id, cu.display_name, cu.phone_e164,
                     coalesce((select d.actor from dashboard_event d where d.type = 'ack' and d.message_id = m.id
                               order by d.id desc limit 1),
                              (select e.acked_by from escalation e where e.message_id = m.id and e.status = 'ACKED'
                               limit 1)) as acked_by,
                     (select min(n.acked_at) from notification n where n.message_id = m.id) as acked_at,
                     case when exists (select 1 from notification n where n.message_id = m.id and n.status = 'ACKED')
                            or exists (select 1 from dashboard_event d where d.type = 'ack' and d.message_id = m.id)
                          then 'ACKED'
                          when m.response_due < now() then 'OVERDUE'
                          else 'OPEN' end as status
              from message m
              join conversation c on c.id = m.conversation_id
              join customer cu on cu.id = c.customer_id
              where m.direction = 'INBOUND'
                and (cast(:priority as varchar) is null or m.priority = :priority)
                and (cast(:channel as varchar) is null or m.channel = :channel)
                and (cast(:customerId as bigint) is null or cu.id = :customerId)
                and (cast(:onlyFor as bigint) is null or exists (select 1 from notification n
                     where n.message_id = m.id and n.staff_member_id = :onlyFor))
            ) f
            where (cast(:status as varchar) is null or f.status = :status)
            order by f.received_at desc, f.id desc
            limit :limit""";

    private final NamedParameterJdbcTemplate jdbc;

    public BoardQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The feed; {@code onlyFor} a technician's staff id: only the messages routed to them. */
    public List<Map<String, Object>> feed(String priority, String status, String channel, Long customerId, int limit,
                                          Long onlyFor) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("priority", priority)
                .addValue("status", status).addValue("channel", channel).addValue("customerId", customerId)
                .addValue("limit", limit).addValue("onlyFor", onlyFor);
        return jdbc.query(FEED, params, (rs, row) -> feedItem(rs));
    }

    /** Whether the customer exists (for {@code onlyFor}: and had a message routed to that staff member). */
    public boolean customerExists(long id, Long onlyFor) {
        return !jdbc.queryForList("""
                select cu.id from customer cu where cu.id = :id
                  and (cast(:onlyFor as bigint) is null or exists (select 1 from notification n
                       join message m on m.id = n.message_id join conversation c on c.id = m.conversation_id
                       where c.customer_id = cu.id and n.staff_member_id = :onlyFor))""",
                new MapSqlParameterSource("id", id).addValue("onlyFor", onlyFor), Long.class).isEmpty();
    }

    /** The message's customer, or null when there is none (or it was not routed to {@code onlyFor}). */
    public Long customerOfMessage(long messageId, Long onlyFor) {
        List<Long> ids = jdbc.queryForList("""
                select c.customer_id from message m join conversation c on c.id = m.conversation_id
                where m.id = :id
                  and (cast(:onlyFor as bigint) is null or exists (select 1 from notification n
                       where n.message_id = m.id and n.staff_member_id = :onlyFor))""",
                new MapSqlParameterSource("id", messageId).addValue("onlyFor", onlyFor), Long.class);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** The customer with everything about them, newest first. */
    public Map<String, Object> customer(long id) {
        Map<String, Object> params = Map.of("id", id);
        Map<String, Object> customer = jdbc.queryForObject("""
                select id, display_name, phone_e164, phone_valid, created_at, last_seen_at from customer where id = :id""",
                params, (rs, row) -> {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("id", rs.getLong("id"));
                    c.put("name", rs.getString("display_name"));
                    c.put("phone", rs.getString("phone_e164"));
                    c.put("label", label(rs.getString("display_name"), rs.getString("phone_e164")));
                    c.put("createdAt", instant(rs.getTimestamp("created_at")));
                    c.put("lastSeenAt", instant(rs.getTimestamp("last_seen_at")));
                    return c;
                });
        customer.put("conversations", jdbc.queryForList("""
                select id, status, priority, service_type as "serviceType", opened_at as "openedAt",
                       last_message_at as "lastMessageAt", quote_min as "quoteMin", quote_max as "quoteMax",
                       quote_currency as "quoteCurrency"
                from conversation where customer_id = :id order by opened_at desc""", params));
        customer.put("messages", jdbc.queryForList("""
                select m.id, m.conversation_id as "conversationId", m.direction, m.channel, m.priority,
                       m.service_type as "serviceType", m.body, m.media_urls as "mediaUrls",
                       m.received_at as "receivedAt", m.response_due as "responseDue"
                from message m join conversation c on c.id = m.conversation_id
                where c.customer_id = :id order by m.received_at desc, m.id desc""", params));
        customer.put("jobs", jdbc.queryForList("""
                select j.id, j.message_id as "messageId", j.type, j.status, j.priority, j.attempts, j.result,
                       j.last_error as "lastError", j.due_at as "dueAt", j.created_at as "createdAt",
                       j.finished_at as "finishedAt"
                from processing_job j
                where j.message_id in (select m.id from message m join conversation c on c.id = m.conversation_id
                                       where c.customer_id = :id)
                   or j.conversation_id in (select c.id from conversation c where c.customer_id = :id)
                order by j.id desc""", params));
        customer.put("notifications", jdbc.queryForList("""
                select n.id, n.message_id as "messageId", s.name as "staff", n.channel, n.status, n.detail, n.tier,
                       n.created_at as "createdAt", n.sent_at as "sentAt", n.acked_at as "ackedAt"
                from notification n left join staff_member s on s.id = n.staff_member_id
                where n.message_id in (select m.id from message m join conversation c on c.id = m.conversation_id
                                       where c.customer_id = :id)
                order by n.id desc""", params));
        customer.put("acks", jdbc.queryForList("""
                select d.id as "eventId", d.message_id as "messageId", d.actor as "by", d.created_at as "at"
                from dashboard_event d where d.type = 'ack' and d.customer_id = :id order by d.id desc""", params));
        return customer;
    }

    /** Messages by priority per hour of today, and first response time against the SLA per priority. */
    public Map<String, Object> today(ZoneId zone, Instant now) {
        Instant midnight = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", Timestamp.from(midnight))
                .addValue("zone", zone.getId());
        Map<String, int[]> perHour = new LinkedHashMap<>();
        PRIORITIES.forEach(p -> perHour.put(p, new int[24]));
        jdbc.query("""
                select cast(extract(hour from m.received_at at time zone :zone) as int) as hour, m.priority, count(*) as n
                from message m where m.direction = 'INBOUND' and m.received_at >= :from
                group by 1, 2""", params, rs -> {
            int[] hours = perHour.get(rs.getString("priority"));
            if (hours != null) {
                hours[rs.getInt("hour")] += rs.getInt("n");
            }
        });
        List<Map<String, Object>> response = new ArrayList<>();
        jdbc.query("""
                select m.priority, count(*) as messages,
                       count(r.first_at) as responded,
                       avg(extract(epoch from (r.first_at - m.received_at))) / 60.0 as avg_minutes,
                       avg(extract(epoch from (m.response_due - m.received_at))) / 60.0 as sla_minutes,
                       count(*) filter (where r.first_at is not null and r.first_at <= m.response_due) as within_sla
                from message m
                left join lateral (
                   select least((select min(n.acked_at) from notification n where n.message_id = m.id),
                                (select min(d.created_at) from dashboard_event d where d.type = 'ack' and d.message_id = m.id),
                                (select min(o.received_at) from message o where o.conversation_id = m.conversation_id
                                   and o.direction = 'OUTBOUND' and o.received_at >= m.received_at)) as first_at
                ) r on true
                where m.direction = 'INBOUND' and m.received_at >= :from
                group by m.priority""", params, rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("priority", rs.getString("priority"));
            row.put("messages", rs.getInt("messages"));
            row.put("responded", rs.getInt("responded"));
            row.put("withinSla", rs.getInt("within_sla"));
            row.put("avgFirstResponseMinutes", nullable(rs, "avg_minutes"));
            row.put("slaMinutes", nullable(rs, "sla_minutes"));
            response.add(row);
        });
        response.sort((a, b) -> PRIORITIES.indexOf(a.get("priority")) - PRIORITIES.indexOf(b.get("priority")));
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("zone", zone.getId());
        stats.put("from", midnight);
        stats.put("messagesPerHour", perHour);
        stats.put("firstResponse", response);
        return stats;
    }

    private static Map<String, Object> feedItem(ResultSet rs) throws SQLException {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("messageId", rs.getLong("id"));
        item.put("priority", rs.getString("priority"));
        item.put("serviceType", rs.getString("service_type"));
        item.put("channel", rs.getString("channel"));
        item.put("customer", label(rs.getString("display_name"), rs.getString("phone_e164")));
        item.put("customerId", rs.getLong("customer_id"));
        item.put("body", rs.getString("body"));
        item.put("receivedAt", instant(rs.getTimestamp("received_at")));
        item.put("responseDue", instant(rs.getTimestamp("response_due")));
        item.put("status", rs.getString("status"));
        item.put("ackedBy", rs.getString("acked_by"));
        item.put("ackedAt", instant(rs.getTimestamp("acked_at")));
        return item;
    }

    private static Double nullable(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : Math.round(value * 10) / 10.0;
    }

    static String label(String name, String phone) {
        return name != null && !name.isBlank() ? name : PhoneNumbers.masked(phone);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
