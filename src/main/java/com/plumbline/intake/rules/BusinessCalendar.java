package com.plumbline.intake.rules;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Opening hours in the company's time zone, with holidays closed all day. Immutable.
 * Times are resolved per local date, so daylight-saving changes move the instants, not the hours.
 */
public final class BusinessCalendar {

    /** Far enough to cross any run of holidays, short enough to stop on a calendar that never opens. */
    private static final int MAX_DAYS_AHEAD = 370;

    /** Opening hours of one day; close is after open. */
    public record OpeningHours(LocalTime open, LocalTime close) {
    }

    private final ZoneId zone;
    private final Map<DayOfWeek, OpeningHours> week;
    private final List<HolidayRule> holidays;

    public BusinessCalendar(ZoneId zone, Map<DayOfWeek, OpeningHours> week, List<HolidayRule> holidays) {
        this.zone = zone;
        this.week = week.isEmpty() ? Map.of() : new EnumMap<>(week);
        this.holidays = List.copyOf(holidays);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isOpen(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        return hoursOn(local.toLocalDate())
                .map(hours -> isWithin(local, hours))
                .orElse(false);
    }

    /** The next moment the business opens strictly after {@code instant}, if it ever does. */
    public Optional<Instant> nextOpening(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalDate date = local.toLocalDate();
        for (int day = 0; day <= MAX_DAYS_AHEAD; day++) {
            LocalDate candidate = date.plusDays(day);
            Optional<OpeningHours> hours = hoursOn(candidate);
            if (hours.isPresent()) {
                Instant opening = ZonedDateTime.of(candidate, hours.get().open(), zone).toInstant();
                if (opening.isAfter(instant)) {
                    return Optional.of(opening);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code from} plus {@code workingTime} counted only while open: after hours the time starts
     * at the next opening, and what does not fit before closing carries over to the next open day.
     */
    public Instant addOpenTime(Instant from, Duration workingTime) {
        Instant cursor = from;
        Duration remaining = workingTime;
        for (int step = 0; step <= MAX_DAYS_AHEAD; step++) {
            if (!isOpen(cursor)) {
                Optional<Instant> opening = nextOpening(cursor);
                if (opening.isEmpty()) {
                    return from.plus(workingTime);
                }
                cursor = opening.get();
            }
            ZonedDateTime local = cursor.atZone(zone);
            OpeningHours hours = hoursOn(local.toLocalDate()).orElseThrow();
            Instant closing = ZonedDateTime.of(local.toLocalDate(), hours.close(), zone).toInstant();
            Duration leftToday = Duration.between(cursor, closing);
            if (remaining.compareTo(leftToday) <= 0) {
                return cursor.plus(remaining);
            }
            remaining = remaining.minus(leftToday);
            cursor = closing;
        }
        return from.plus(workingTime);
    }

    private Optional<OpeningHours> hoursOn(LocalDate date) {
        for (HolidayRule rule : holidays) {   // a loop, not a stream: asked for every message
            if (rule.matches(date)) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(week.get(date.getDayOfWeek()));
    }

    private static boolean isWithin(ZonedDateTime local, OpeningHours hours) {
        LocalTime time = local.toLocalTime();
        return !time.isBefore(hours.open()) && time.isBefore(hours.close());
    }
}
