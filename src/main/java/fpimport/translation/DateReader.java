package fpimport.translation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.IsoEra;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fpimport.workitem.MatchKey;

/**
 * Reads a date or date-time cell as epoch milliseconds. Date-only values mean midnight in
 * the mapping's zone; a value whose day and month could be swapped is refused unless the
 * field's {@code format} says which comes first.
 */
final class DateReader {

	private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{13}");

	private static final Pattern YEAR_FIRST = Pattern
		.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?:[ t]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");

	private static final Pattern CHINESE = Pattern
		.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})[日号]?(?:\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");

	private static final Pattern YEAR_LAST = Pattern.compile("\\d{1,2}([-/.])\\d{1,2}\\1\\d{4}(?:[ t].*)?");

	private final String fieldName;

	private final ZoneId zone;

	private final DateTimeFormatter format;

	private final String pattern;

	DateReader(String fieldName, FieldSettings settings) {
		this.fieldName = fieldName;
		this.zone = settings.zone();
		this.pattern = settings.format();
		this.format = (this.pattern != null) ? formatter(this.pattern) : null;
	}

	/**
	 * The formatter of a {@code format} pattern, strict so that 2024/2/30 is refused.
	 * @throws IllegalArgumentException when the pattern is not valid
	 */
	static DateTimeFormatter formatter(String pattern) {
		// strict resolving needs an era for 'yyyy'; every spreadsheet date is of the
		// common era
		return new DateTimeFormatterBuilder().appendPattern(pattern)
			.parseDefaulting(ChronoField.ERA, IsoEra.CE.getValue())
			.toFormatter()
			.withResolverStyle(ResolverStyle.STRICT);
	}

	/** The instant of a cell in epoch milliseconds (a Long), or the problem. */
	Translation read(String cell) {
		String original = cell.strip();
		if (this.format != null) {
			try {
				TemporalAccessor parsed = this.format.parseBest(original, ZonedDateTime::from, OffsetDateTime::from,
						LocalDateTime::from, LocalDate::from);
				return Translation.of(millis(parsed));
			}
			catch (DateTimeException ex) {
				return Translation.refused("not a date '" + original + "' in format " + this.pattern + " for "
						+ this.fieldName + "; write it as " + this.format.format(LocalDateTime.of(2024, 3, 4, 9, 30)));
			}
		}
		String text = MatchKey.of(original);
		if (EPOCH_MILLIS.matcher(text).matches()) {
			return Translation.of(Long.parseLong(text));
		}
		try {
			return Translation.of(OffsetDateTime.parse(original.replace(' ', 'T')).toInstant().toEpochMilli());
		}
		catch (DateTimeParseException notWithOffset) {
			// one of the local forms below
		}
		Matcher matcher = YEAR_FIRST.matcher(text);
		if (matcher.matches()) {
			return local(original, matcher.group(1), matcher.group(3), matcher.group(4), matcher.group(5),
					matcher.group(6), matcher.group(7));
		}
		matcher = CHINESE.matcher(text);
		if (matcher.matches()) {
			return local(original, matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4),
					matcher.group(5), matcher.group(6));
		}
		if (YEAR_LAST.matcher(text).matches()) {
			return Translation.refused("ambiguous date '" + original + "' for " + this.fieldName
					+ ": day and month could be swapped; add format: dd/MM/yyyy or MM/dd/yyyy to the field's mapping");
		}
		return Translation.refused(notADate(original));
	}

	private Translation local(String original, String year, String month, String day, String hour, String minute,
			String second) {
		try {
			LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
			if (hour == null) {
				return Translation.of(date.atStartOfDay(this.zone).toInstant().toEpochMilli());
			}
			LocalDateTime time = date.atTime(Integer.parseInt(hour), Integer.parseInt(minute),
					(second != null) ? Integer.parseInt(second) : 0);
			return Translation.of(time.atZone(this.zone).toInstant().toEpochMilli());
		}
		catch (DateTimeException ex) {
			return Translation.refused(notADate(original));
		}
	}

	private String notADate(String original) {
		return "not a date '" + original + "' for " + this.fieldName
				+ "; use 2024-03-04, 2024/3/4, 2024年3月4日 (a time such as 09:30 may follow) or set format: for the field";
	}

	private long millis(TemporalAccessor parsed) {
		if (parsed instanceof ZonedDateTime zoned) {
			return zoned.toInstant().toEpochMilli();
		}
		if (parsed instanceof OffsetDateTime offset) {
			return offset.toInstant().toEpochMilli();
		}
		if (parsed instanceof LocalDateTime local) {
			return local.atZone(this.zone).toInstant().toEpochMilli();
		}
		return ((LocalDate) parsed).atStartOfDay(this.zone).toInstant().toEpochMilli();
	}

}
