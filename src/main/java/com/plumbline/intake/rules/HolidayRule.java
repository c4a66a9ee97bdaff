package com.plumbline.intake.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;

/**
 * One line of {@code businessHours.holidays}, a rule rather than a list that runs out:
 * <ul>
 *   <li>{@code 2026-12-31}: that one day;</li>
 *   <li>{@code "12-25"}: that day every year; {@code "07-04 observed"}: on a Saturday the Friday
 *       before is closed instead, on a Sunday the Monday after;</li>
 *   <li>{@code fourth THURSDAY of NOVEMBER}, {@code last MONDAY of MAY}: first, second, third,
 *       fourth, fifth or last weekday of a month, every year.</li>
 * </ul>
 */
public sealed interface HolidayRule {

    boolean matches(LocalDate date);

    /** @throws IllegalArgumentException naming what is wrong */
    static HolidayRule parse(String text) {
        String rule = text == null ? "" : text.trim();
        try {
            if (rule.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return new OneDay(LocalDate.parse(rule));
            }
            if (rule.matches("\\d{2}-\\d{2}( observed)?")) {
                return new EveryYear(MonthDay.parse("--" + rule.substring(0, 5)), rule.endsWith("observed"));
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + rule + "' is not a date");
        }
        String[] words = rule.toUpperCase(Locale.ROOT).split("\\s+");
        if (words.length == 4 && words[2].equals("OF")) {
            int nth = List.of("FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH", "LAST").indexOf(words[0]);
            try {
                if (nth >= 0) {
                    return new NthWeekday(nth == 5 ? -1 : nth + 1, DayOfWeek.valueOf(words[1]), Month.valueOf(words[3]));
                }
            } catch (IllegalArgumentException e) {
                // falls through to the message below
            }
        }
        throw new IllegalArgumentException("'" + rule + "' is not a date (2026-12-31), a yearly day (\"12-25\", "
                + "\"07-04 observed\") or a weekday rule (fourth THURSDAY of NOVEMBER)");
    }

    record OneDay(LocalDate date) implements HolidayRule {
        @Override
        public boolean matches(LocalDate candidate) {
            return date.equals(candidate);
        }
    }

    record EveryYear(MonthDay day, boolean observed) implements HolidayRule {
        @Override
        public boolean matches(LocalDate candidate) {
            // the day, or the day it is observed on (one day off), is in its month or the next or previous one
            int monthsApart = Math.floorMod(candidate.getMonthValue() - day.getMonthValue(), 12);
            if (monthsApart > 1 && monthsApart < 11) {
                return false;
            }
            if (!observed) {
                return day.atYear(candidate.getYear()).equals(candidate);
            }
            // the observed day may fall in the year before (a Saturday 1 January is observed on 31 December)
            for (int year = candidate.getYear(); year <= candidate.getYear() + 1; year++) {
                if (!day.isValidYear(year)) {
                    continue;
                }
                LocalDate actual = day.atYear(year);
                LocalDate observedOn = switch (actual.getDayOfWeek()) {
                    case SATURDAY -> actual.minusDays(1);
                    case SUNDAY -> actual.plusDays(1);
                    default -> actual;
                };
                if (observedOn.equals(candidate)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** @param nth 1..5, or -1 for the last */
    record NthWeekday(int nth, DayOfWeek weekday, Month month) implements HolidayRule {
        @Override
        public boolean matches(LocalDate candidate) {
            if (candidate.getMonth() != month || candidate.getDayOfWeek() != weekday) {
                return false;
            }
            LocalDate first = candidate.withDayOfMonth(1);
            LocalDate target = nth < 0 ? first.with(TemporalAdjusters.lastInMonth(weekday))
                    : first.with(TemporalAdjusters.dayOfWeekInMonth(nth, weekday));
            return target.equals(candidate);
        }
    }
}
