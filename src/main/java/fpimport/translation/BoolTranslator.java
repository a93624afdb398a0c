package fpimport.translation;

import java.util.Set;

import fpimport.workitem.MatchKey;

/** {@code bool}: true/false, yes/no, 是/否, 1/0 or Y/N, in any case and width. */
final class BoolTranslator implements FieldValueTranslator {

	private static final Set<String> TRUE = Set.of("true", "yes", "y", "是", "1");

	private static final Set<String> FALSE = Set.of("false", "no", "n", "否", "0");

	private final String fieldName;

	private final FieldSettings settings;

	BoolTranslator(String fieldName, FieldSettings settings) {
		this.fieldName = fieldName;
		this.settings = settings;
	}

	@Override
	public Translation translate(String cell) {
		String key = MatchKey.of(this.settings.alias(cell.strip()));
		if (TRUE.contains(key)) {
			return Translation.of(Boolean.TRUE);
		}
		if (FALSE.contains(key)) {
			return Translation.of(Boolean.FALSE);
		}
		return Translation.refused("not a yes/no value '" + cell.strip() + "' for " + this.fieldName
				+ "; use true/false, yes/no, 是/否, 1/0 or Y/N");
	}

}
