package fpimport.translation;

import java.util.List;
import java.util.regex.Pattern;

import fpimport.workitem.MatchKey;

/**
 * {@code work_item_related_select} (a work item id, a number) and
 * {@code work_item_related_multi_select} (a list of ids); a leading {@code #} is allowed.
 */
final class WorkItemIdTranslator implements FieldValueTranslator {

	private static final Pattern ID = Pattern.compile("#?(\\d{1,18})");

	private final String fieldName;

	private final FieldSettings settings;

	private final boolean multi;

	WorkItemIdTranslator(String fieldName, FieldSettings settings, boolean multi) {
		this.fieldName = fieldName;
		this.settings = settings;
		this.multi = multi;
	}

	@Override
	public Translation translate(String cell) {
		return this.multi ? translate(List.of(cell)) : id(cell.strip());
	}

	@Override
	public boolean takesSeveral() {
		return this.multi;
	}

	@Override
	public Translation translate(List<String> cells) {
		if (!this.multi) {
			return FieldValueTranslator.super.translate(cells);
		}
		return CellItems.multi(cells, this.settings.split(), this.fieldName, this::id);
	}

	private Translation id(String item) {
		var matcher = ID.matcher(MatchKey.of(this.settings.alias(item)));
		if (!matcher.matches()) {
			return Translation.refused("not a work item id '" + item + "' for " + this.fieldName
					+ "; write the numeric id, such as 4812084224");
		}
		return Translation.of(Long.parseLong(matcher.group(1)));
	}

}
