package fpimport.translation;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import fpimport.workitem.MatchKey;

/**
 * The mapping's settings for one field that change how its cells read.
 *
 * @param split the separator of a multi-value cell, or {@code null} for the type's
 * default ({@code , ， ;} and newline for multi-value fields, none otherwise)
 * @param values cell text to the text to translate instead (an option label or id, a
 * person, any value), matched with {@link MatchKey}
 * @param format a {@link java.time.format.DateTimeFormatter} pattern for dates, or
 * {@code null} for the built-in forms
 * @param minLevel the shallowest level a cascading path may stop at, or {@code null} to
 * require a leaf
 * @param zone the zone in which date-only and local date-time cells are read
 * @param join what a text field puts between the values of a repeated column;
 * {@code null} for a newline
 */
public record FieldSettings(String split, Map<String, String> values, String format, Integer minLevel, ZoneId zone,
		String join) {

	/** What a text field puts between the values of a repeated column by default. */
	public static final String DEFAULT_JOIN = "\n";

	/** Settings without {@code join}: the text fields join with a newline. */
	public FieldSettings(String split, Map<String, String> values, String format, Integer minLevel, ZoneId zone) {
		this(split, values, format, minLevel, zone, null);
	}

	public FieldSettings {
		Objects.requireNonNull(zone, "zone");
		if (split != null && split.isEmpty()) {
			throw new IllegalArgumentException("split is empty");
		}
		if (minLevel != null && minLevel < 1) {
			throw new IllegalArgumentException("minLevel must be 1 or more: " + minLevel);
		}
		Map<String, String> byKey = new LinkedHashMap<>();
		if (values != null) {
			values.forEach((from, to) -> byKey.put(MatchKey.of(from), Objects.requireNonNull(to, "values")));
		}
		values = Map.copyOf(byKey);
		join = (join != null) ? join : DEFAULT_JOIN;
	}

	/**
	 * What is wrong with a date {@code format} pattern, or {@code null} when it is a
	 * valid {@link java.time.format.DateTimeFormatter} pattern.
	 */
	public static String formatProblem(String pattern) {
		try {
			DateReader.formatter(pattern);
			return null;
		}
		catch (IllegalArgumentException ex) {
			return "bad date format '" + pattern + "': " + ex.getMessage()
					+ "; write a pattern such as yyyy/M/d or dd.MM.yyyy HH:mm";
		}
	}

	/** Settings with nothing but a zone. */
	public static FieldSettings plain(ZoneId zone) {
		return new FieldSettings(null, Map.of(), null, null, zone);
	}

	/**
	 * The text to translate for a cell or one item of it: its {@code values} alias, or
	 * itself.
	 */
	String alias(String text) {
		// most fields have no values: no key to make for every cell
		if (this.values.isEmpty()) {
			return text;
		}
		return this.values.getOrDefault(MatchKey.of(text), text);
	}

}
