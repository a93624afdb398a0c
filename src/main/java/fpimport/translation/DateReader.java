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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fpimport.workitem.MatchKey;

/**
 * Reads a date or date-time cell as epoch milliseconds. Date-only values mean midnight in
 * the mapping's zone; a value whose day and month could be swapped is refused unless the
 * field's {@code format}, or a cell of its column ({@link DayMonthOrder}), says which
 * comes first. Jira's {@code 24/Jun/26 5:39 PM} and its kin are read too. One reader
 * serves a field; {@link #read} takes any bare string, such as the date of a Jira
 * comment.
 */
final class DateReader {

	private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{13}");

	private static final Pattern YEAR_FIRST = Pattern
		.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?:[ t]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");

	private static final Pattern CHINESE = Pattern
		.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})[日号]?(?:\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");

	private static final Pattern YEAR_LAST = Pattern
		.compile("(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})(?:[ t]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(am|pm)?)?");

	/**
	 * Jira's dates: {@code 24/Jun/26 5:39 PM}, {@code 19/Jan/2025 12:00 AM},
	 * {@code 24/Jun/26 17:39}, {@code 24/Jun/26}; English months in any case.
	 */
	private static final Pattern MONTH_NAME = Pattern.compile(
			"(\\d{1,2})[-/ ]([a-z]{3})[-/ ](\\d{2}|\\d{4})(?:[ t]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(am|pm)?)?");

	private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
			"oct", "nov", "dec");

	private final String fieldName;

	private final ZoneId zone;

	private final DateTimeFormatter format;

	private final String pattern;

	private final DayMonthOrder order;

	/**
	 * A reader of one field's cells.
	 * @param fieldName the field's name for problems
	 * @param settings the field's zone and {@code format}
	 */
	DateReader(String fieldName, FieldSettings settings) {
		this.fieldName = fieldName;
		this.zone = settings.zone();
		this.pattern = settings.format();
		this.format = (this.pattern != null) ? formatter(this.pattern) : null;
		this.order = (this.pattern == null) ? new DayMonthOrder(fieldName) : null;
	}

	/**
	 * The day/month order of the column's numeric dates, which a look at the column
	 * decides; {@code null} with a {@code format}, which says it.
	 */
	DayMonthOrder order() {
		return this.order;
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
		if (mayHaveOffset(original)) {
			try {
				return Translation.of(OffsetDateTime.parse(original.replace(' ', 'T')).toInstant().toEpochMilli());
			}
			catch (DateTimeParseException notWithOffset) {
				// one of the local forms below
			}
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
		matcher = MONTH_NAME.matcher(text);
		if (matcher.matches() && MONTHS.contains(matcher.group(2))) {
			String year = (matcher.group(3).length() == 2) ? "20" + matcher.group(3) : matcher.group(3);
			return local(original, year, Integer.toString(MONTHS.indexOf(matcher.group(2)) + 1), matcher.group(1),
					matcher.group(4), matcher.group(5), matcher.group(6), matcher.group(7));
		}
		matcher = YEAR_LAST.matcher(text);
		if (matcher.matches()) {
			return dayOrMonthFirst(original, matcher);
		}
		return Translation.refused(notADate(original));
	}

	/** {@code 03/04/2024}: read in the order the column proved, else refused. */
	private Translation dayOrMonthFirst(String original, Matcher matcher) {
		Boolean dayFirst = (this.order != null) ? this.order.dayFirst() : null;
		if (dayFirst == null) {
			return Translation.refused("ambiguous date '" + original + "' for " + this.fieldName
					+ ": day and month could be swapped; add format: dd/MM/yyyy or MM/dd/yyyy to the field's mapping");
		}
		String day = dayFirst ? matcher.group(1) : matcher.group(3);
		String month = dayFirst ? matcher.group(3) : matcher.group(1);
		Translation read = local(original, matcher.group(4), month, day, matcher.group(5), matcher.group(6),
				matcher.group(7), matcher.group(8));
		return read.ok() ? read : Translation.refused(this.order.contradicted(original));
	}

	private Translation local(String original, String year, String month, String day, String hour, String minute,
			String second) {
		return local(original, year, month, day, hour, minute, second, null);
	}

	/**
	 * A local date, or date-time in the zone; {@code half} is {@code am} or {@code pm}
	 * for a 12-hour time, else {@code null}.
	 */
	private Translation local(String original, String year, String month, String day, String hour, String minute,
			String second, String half) {
		try {
			LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
			if (hour == null) {
				return Translation.of(date.atStartOfDay(this.zone).toInstant().toEpochMilli());
			}
			int hours = Integer.parseInt(hour);
			if (half != null) {
				if (hours < 1 || hours > 12) {
					return Translation.refused(notADate(original));
				}
				hours = (hours % 12) + (half.equals("pm") ? 12 : 0);
			}
			LocalDateTime time = date.atTime(hours, Integer.parseInt(minute),
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

	/**
	 * Whether a text may be an ISO date and time with an offset: the offset ({@code Z},
	 * {@code +08:00}, {@code -05:00}) follows at least {@code yyyy-MM-ddTHH:mm}. Most
	 * dates have none, and a parse that fails costs an exception.
	 */
	private static boolean mayHaveOffset(String text) {
		int after = 16;
		if (text.length() <= after) {
			return false;
		}
		char last = text.charAt(text.length() - 1);
		return last == 'Z' || last == 'z' || text.indexOf('+', after) >= 0 || text.indexOf('-', after) >= 0;
	}

}
