package dev.rapport.inbox.domain;

import dev.rapport.inbox.BusinessHours;
import dev.rapport.inbox.DepartmentTargets;
import dev.rapport.inbox.Priority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The departments' response-time targets and business hours, as they set them. */
@Repository
public class TargetRecords {

    private final JdbcClient jdbc;

    TargetRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every department that has set something, by id; the rest have the defaults. */
    public Map<Long, DepartmentTargets> all() {
        Map<Long, Map<Priority, Duration>> targets = new HashMap<>();
        jdbc.sql("SELECT department_id, priority, target_minutes FROM response_target")
                .query(rs -> {
                    targets.computeIfAbsent(rs.getLong("department_id"), id -> new EnumMap<>(Priority.class))
                            .put(
                                    Priority.valueOf(rs.getString("priority")),
                                    Duration.ofMinutes(rs.getInt("target_minutes")));
                });
        Map<Long, BusinessHours> hours = new HashMap<>();
        jdbc.sql("SELECT * FROM business_hours").query(rs -> {
            hours.put(rs.getLong("department_id"), hours(rs));
        });
        return Stream.concat(targets.keySet().stream(), hours.keySet().stream())
                .distinct()
                .collect(Collectors.toMap(
                        Function.identity(),
                        department -> new DepartmentTargets(
                                department,
                                targets.getOrDefault(department, Map.of()),
                                hours.getOrDefault(department, BusinessHours.AROUND_THE_CLOCK))));
    }

    /** Replaces a department's targets and hours. */
    public void save(DepartmentTargets changed) {
        long department = changed.departmentId();
        jdbc.sql("DELETE FROM response_target WHERE department_id = ?")
                .param(department)
                .update();
        changed.targets()
                .forEach((priority, target) -> jdbc.sql(
                                "INSERT INTO response_target (department_id, priority, target_minutes) VALUES (?, ?, ?)")
                        .params(department, priority.name(), target.toMinutes())
                        .update());
        BusinessHours hours = changed.hours();
        jdbc.sql("DELETE FROM business_hours WHERE department_id = ?")
                .param(department)
                .update();
        jdbc.sql("""
                        INSERT INTO business_hours (department_id, time_zone, days, opens, closes, holidays)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(
                        department,
                        hours.timeZone().getId(),
                        hours.days().stream()
                                .map(day -> String.valueOf(day.getValue()))
                                .collect(Collectors.joining(",")),
                        hours.opens(),
                        hours.closes(),
                        hours.holidays().stream().map(LocalDate::toString).collect(Collectors.joining(" ")))
                .update();
    }

    private static BusinessHours hours(ResultSet rs) throws SQLException {
        return new BusinessHours(
                ZoneId.of(rs.getString("time_zone")),
                Arrays.stream(rs.getString("days").split(","))
                        .map(day -> DayOfWeek.of(Integer.parseInt(day)))
                        .collect(Collectors.toSet()),
                rs.getObject("opens", LocalTime.class),
                rs.getObject("closes", LocalTime.class),
                Arrays.stream(rs.getString("holidays").split(" "))
                        .filter(day -> !day.isEmpty())
                        .map(LocalDate::parse)
                        .collect(Collectors.toSet()));
    }
}
