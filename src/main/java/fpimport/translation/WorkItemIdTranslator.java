package fpimport.translation;

import java.util.regex.Pattern;

import fpimport.workitem.MatchKey;

/**
 * {@code work_item_related_select} (a work item id, a number) and
 * {@code work_item_related_multi_select} (a list of ids); a leading {@code #} is allowed.
 */
final class WorkItemIdTranslator extends ItemTranslator {

	private static final Pattern ID = Pattern.compile("#?(\\d{1,18})");

	private final String fieldName;

	WorkItemIdTranslator(String fieldName, FieldSettings settings, boolean multi) {
		super(fieldName, settings, multi);
		this.fieldName = fieldName;
	}

	@Override
	Translation item(String item) {
		var matcher = ID.matcher(MatchKey.of(settings().alias(item)));
		if (!matcher.matches()) {
			return Translation.refused("not a work item id '" + item + "' for " + this.fieldName
					+ "; write the numeric id, such as 4812084224");
		}
		return Translation.of(Long.parseLong(matcher.group(1)));
	}

}
