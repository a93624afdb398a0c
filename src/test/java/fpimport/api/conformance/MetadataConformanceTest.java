package fpimport.api.conformance;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import fpimport.TestEmulator;
import fpimport.api.CreateMeta;
import fpimport.api.OpenApiSpace;
import fpimport.api.RoleAssignment;
import fpimport.metadata.FieldDefinition;
import fpimport.metadata.FieldOption;
import fpimport.metadata.Requirement;
import fpimport.metadata.Role;
import fpimport.metadata.User;
import fpimport.metadata.WorkItemType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static fpimport.api.conformance.EmulatedService.CHEN_JING;
import static fpimport.api.conformance.EmulatedService.GUO_TAO;
import static fpimport.api.conformance.EmulatedService.LIU_YANG;
import static fpimport.api.conformance.EmulatedService.LI_NA;
import static fpimport.api.conformance.EmulatedService.LUO_MIN;
import static fpimport.api.conformance.EmulatedService.PROJECT_KEY;
import static fpimport.api.conformance.EmulatedService.WANG_FANG;
import static fpimport.api.conformance.EmulatedService.WANG_FANG_SHENZHEN;
import static fpimport.api.conformance.EmulatedService.ZHANG_WEI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The demo space's metadata and people read through {@link OpenApiSpace} over HTTP, as
 * the mapping sees them. The emulator writes flags as ints, 1 = yes and 2 = no: a 2 must
 * never read as true.
 */
class MetadataConformanceTest {

	@RegisterExtension
	static final TestEmulator emulator = TestEmulator.demo();

	static final EmulatedService service = EmulatedService.on(emulator);

	private static OpenApiSpace space;

	@BeforeAll
	static void connect() {
		space = new OpenApiSpace(service.client, PROJECT_KEY);
	}

	@Test
	void typesOfTheSpace() {
		assertThat(space.types())
			.extracting(WorkItemType::typeKey, WorkItemType::name, WorkItemType::apiName, WorkItemType::disabled)
			.containsExactly(tuple("story", "需求", "story", false), tuple("issue", "缺陷", "issue", false));
		// the space's simple name names the same space
		assertThat(new OpenApiSpace(service.client, "demo").types()).hasSize(2);
	}

	@Test
	void fieldsWithTheirRequirement() {
		Map<String, FieldDefinition> fields = byKey(space.fields("story"), FieldDefinition::fieldKey);

		assertThat(fields).containsKeys("name", "description", "priority", "field_5c1d2e", "field_a1b2c3",
				"field_7e8f9a", "field_0d4e6b", "field_3b5c7d", "watchers", "field_9f1e2d", "schedule", "field_44aa1b",
				"field_2c3d4e", "field_6b7c8d", "field_1a2b3c", "field_8e9f0a", "field_5d6e7f", "field_0a9b8c",
				"business", "field_c3d4e5", "field_77ab12", "role_owners");
		assertThat(requirements(fields, "name", "priority", "field_5c1d2e", "field_7e8f9a"))
			.containsOnly(Requirement.REQUIRED);
		// is_required 2 is optional, never required
		assertThat(requirements(fields, "description", "field_a1b2c3", "field_0d4e6b", "watchers", "business",
				"field_3b5c7d", "role_owners"))
			.containsOnly(Requirement.OPTIONAL);
		assertThat(fields.get("field_77ab12").requirement()).isEqualTo(Requirement.CONDITIONAL);
		assertThat(fields.get("field_a1b2c3").fieldAlias()).isEqualTo("tags");
		assertThat(fields.get("field_a1b2c3").fieldTypeKey()).isEqualTo("multi_select");
		assertThat(fields.get("field_a1b2c3").fieldName()).isEqualTo("标签 Tags");
		assertThat(fields.get("field_9f1e2d").fieldTypeKey()).isEqualTo("date");

		Map<String, FieldDefinition> issue = byKey(space.fields("issue"), FieldDefinition::fieldKey);
		assertThat(issue.get("field_b4c5d6").requirement()).isEqualTo(Requirement.REQUIRED);
		assertThat(issue.get("severity").requirement()).isEqualTo(Requirement.OPTIONAL);
	}

	@Test
	void optionsWithTheirIdsAndDisabledFlags() {
		Map<String, FieldDefinition> fields = byKey(space.fields("story"), FieldDefinition::fieldKey);

		assertThat(fields.get("priority").options())
			.extracting(FieldOption::label, FieldOption::value, FieldOption::disabled)
			.containsExactly(tuple("P0", "0", false), tuple("P1", "1", false), tuple("P2", "2", false),
					tuple("P3", "3", false), tuple("P4 (已停用)", "99", true));
		assertThat(fields.get("field_5c1d2e").options()).filteredOn(FieldOption::disabled)
			.extracting(FieldOption::value)
			.containsExactly("option_4");
		assertThat(fields.get("field_a1b2c3").options()).filteredOn(FieldOption::disabled)
			.extracting(FieldOption::value)
			.containsExactly("xk3l9p0qe");
	}

	@Test
	void cascadingOptionsWithTheirChildren() {
		FieldDefinition module = byKey(space.fields("story"), FieldDefinition::fieldKey).get("field_7e8f9a");

		assertThat(module.options()).extracting(FieldOption::value).containsExactly("mod_platform", "mod_trade");
		assertThat(module.options()).allSatisfy((option) -> assertThat(option.disabled()).isFalse());
		FieldOption platform = module.options().get(0);
		assertThat(platform.children()).extracting(FieldOption::label, FieldOption::value, FieldOption::disabled)
			.containsExactly(tuple("账号 Account", "mod_platform_account", false),
					tuple("权限 Permission", "mod_platform_perm", false));
		FieldOption trade = module.options().get(1);
		assertThat(trade.children()).extracting(FieldOption::value, FieldOption::disabled)
			.containsExactly(tuple("mod_trade_order", false), tuple("mod_trade_pay", true));
		assertThat(trade.children().get(0).children()).extracting(FieldOption::label, FieldOption::value)
			.containsExactly(tuple("购物车 Cart", "mod_trade_order_cart"));
		assertThat(trade.children().get(0).children().get(0).children()).isEmpty();
	}

	@Test
	void optionsDisabledWhileTheSpaceRunsReadDisabled() {
		service.emulator.space().disableOption("issue", "field_123abc", "1");
		try {
			FieldDefinition environment = byKey(space.fields("issue"), FieldDefinition::fieldKey).get("field_123abc");

			assertThat(environment.options()).extracting(FieldOption::value, FieldOption::disabled)
				.containsExactly(tuple("0", false), tuple("1", true), tuple("2", false));
		}
		finally {
			service.emulator.space().enableOption("issue", "field_123abc", "1");
		}
	}

	@Test
	void rolesWithTheirFlags() {
		assertThat(space.roles("story")).extracting(Role::id, Role::key, Role::name, Role::required, Role::multi)
			.containsExactly(tuple("PM", "PM", "产品经理 PM", true, false), tuple("rd", "rd", "研发 Developer", false, true),
					tuple("role_8d2k1m", "qa", "测试 QA", false, true));
		assertThat(space.roles("issue")).extracting(Role::id, Role::required, Role::multi)
			.containsExactly(tuple("reporter", true, false), tuple("operator", true, false),
					tuple("role_3k9x7p", false, true));
	}

	@Test
	void roleAssignmentsOfTheCreateMetadata() {
		CreateMeta meta = service.client.meta(PROJECT_KEY, "story");

		// member_assign 1: filled with the default members when omitted; 2: users
		// assign themselves (CW-8)
		assertThat(meta.roleAssignments())
			.extracting(RoleAssignment::role, RoleAssignment::defaultAppear, RoleAssignment::memberAssign,
					RoleAssignment::members)
			.containsExactly(tuple("PM", true, 1, List.of(ZHANG_WEI)), tuple("rd", false, 2, List.of(LIU_YANG)),
					tuple("role_8d2k1m", false, 1, List.of(LI_NA, CHEN_JING)));
	}

	@Test
	void usersByEmailKeepTheirStatus() {
		List<User> users = space.findByEmails(
				List.of("Zhang.Wei@Example.com", "guo.tao@example.com", "luo.min@example.com", "nobody@example.com"));

		assertThat(users).extracting(User::userKey, User::nameCn, User::status, User::active)
			.containsExactlyInAnyOrder(tuple(ZHANG_WEI, "张伟", "activated", true),
					tuple(GUO_TAO, "郭涛", "resigned", false), tuple(LUO_MIN, "罗敏", "frozen", false));
		assertThat(users).filteredOn((user) -> user.userKey().equals(ZHANG_WEI))
			.singleElement()
			.satisfies((user) -> assertThat(user.email()).isEqualTo("zhang.wei@example.com"))
			.satisfies((user) -> assertThat(user.nameEn()).isEqualTo("Wei Zhang"))
			.satisfies((user) -> assertThat(user.username()).isEqualTo("zhangwei"));
	}

	@Test
	void usersByUserKeyKeepTheirStatus() {
		List<User> users = space.findByUserKeys(List.of(GUO_TAO, WANG_FANG, "7000000000000000000"));

		assertThat(users).extracting(User::userKey, User::status)
			.containsExactlyInAnyOrder(tuple(GUO_TAO, "resigned"), tuple(WANG_FANG, "activated"));
	}

	@Test
	void searchByNameFindsBothPeopleCalledWangFang() {
		List<User> found = space.searchByName("王芳");

		assertThat(found).extracting(User::userKey, User::email)
			.containsExactlyInAnyOrder(tuple(WANG_FANG, "wang.fang@example.com"),
					tuple(WANG_FANG_SHENZHEN, "fang.wang.sz@example.com"));
		assertThat(space.searchByName("nobody by this name")).isEmpty();
	}

	private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
		return items.stream().collect(Collectors.toMap(key, Function.identity()));
	}

	private static List<Requirement> requirements(Map<String, FieldDefinition> fields, String... keys) {
		return java.util.Arrays.stream(keys).map((key) -> fields.get(key).requirement()).toList();
	}

}
