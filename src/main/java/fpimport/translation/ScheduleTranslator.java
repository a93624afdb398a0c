package fpimport.translation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code schedule}: {@code {"start_time": ms, "end_time": ms}} from a cell
 * {@code start ~ end} (the mapping joins two columns the same way).
 */
final class ScheduleTranslator implements FieldValueTranslator {

	/** What the mapping puts between the start and end columns of a schedule. */
	static final String RANGE = " ~ ";

	private static final Pattern SEPARATOR = Pattern.compile("\\s*(?:~|～|至)\\s*");

	private final String fieldName;

	private final FieldSettings settings;

	private final DateReader reader;

	ScheduleTranslator(String fieldName, FieldSettings settings) {
		this.fieldName = fieldName;
		this.settings = settings;
		this.reader = new DateReader(fieldName, settings);
	}

	@Override
	public Translation translate(String cell) {
		String text = this.settings.alias(cell.strip()).strip();
		String[] ends = SEPARATOR.split(text, -1);
		if (ends.length != 2 || ends[0].isBlank() || ends[1].isBlank()) {
			return Translation.refused("a schedule needs a start and an end, such as 2024-03-01 ~ 2024-03-08; got '"
					+ text + "' for " + this.fieldName);
		}
		Translation start = this.reader.read(ends[0]);
		Translation end = this.reader.read(ends[1]);
		if (!start.ok() || !end.ok()) {
			List<String> problems = new ArrayList<>(start.problems());
			problems.addAll(end.problems());
			return Translation.refused(problems);
		}
		if ((Long) end.value() < (Long) start.value()) {
			return Translation.refused("the end '" + ends[1].strip() + "' is before the start '" + ends[0].strip()
					+ "' for " + this.fieldName);
		}
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("start_time", start.value());
		value.put("end_time", end.value());
		return Translation.of(Collections.unmodifiableMap(value));
	}

	@Override
	public DayMonthOrder dayMonthOrder() {
		return this.reader.order();
	}

}
