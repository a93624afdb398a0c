package fpimport.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import fpimport.api.OpenApiSpace;
import fpimport.metadata.SpaceCatalog;
import fpimport.metadata.SpaceDescription;
import fpimport.metadata.User;
import fpimport.metadata.WorkItemType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code fpimport meta}: the space as the importer sees it, the types, or one type's
 * fields, options, roles and templates.
 */
@Command(name = "meta", mixinStandardHelpOptions = true,
		description = {
				"Show the space as the importer sees it: its work item types, or with --type every field "
						+ "(key, name, type, required, options label → id), the roles and the templates.",
				"With --users, the space's people (name, e-mail, status), to write users.aliases.",
				"Use the keys it shows in a mapping file (docs/mapping.md)." })
final class MetaCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	ConnectionOptions connection;

	@Option(names = "--type", paramLabel = "TYPE", description = "a work item type: its key or its name (需求)")
	String type;

	@Option(names = "--users", description = "list the space's people (members of its teams): name, e-mail and status")
	boolean users;

	@Option(names = "--json", description = "print JSON instead of text")
	boolean json;

	@Override
	public Integer call() {
		if (this.users && this.type != null) {
			throw new ParameterException(this.spec.commandLine(), "--users and --type cannot be used together");
		}
		OpenApiSpace space = Connections.space(this.connection);
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.users) {
			List<User> people = space.people();
			out.print(this.json ? json(SpaceDescription.peopleJson(people)) : SpaceDescription.peopleText(people));
		}
		else if (this.type == null) {
			List<WorkItemType> types = space.types();
			int people = space.people().size();
			if (this.json) {
				Map<String, Object> description = new LinkedHashMap<>(SpaceDescription.json(types));
				description.put("people", people);
				out.print(json(description));
			}
			else {
				out.print(SpaceDescription.text(types));
				out.println();
				out.println("People: " + people);
				out.println();
				out.println("`fpimport meta --type KEY` shows a type's fields, options, roles and templates.");
				out.println("`fpimport meta --users` lists the people (name, e-mail, status).");
			}
		}
		else {
			SpaceCatalog catalog = SpaceCatalog.load(space, this.type);
			out.print(this.json ? json(SpaceDescription.json(catalog)) : SpaceDescription.text(catalog));
		}
		out.flush();
		return ExitCode.OK.code();
	}

	private static String json(Object value) {
		return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(value)
				+ System.lineSeparator();
	}

}
