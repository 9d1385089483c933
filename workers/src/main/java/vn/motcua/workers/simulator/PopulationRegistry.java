package vn.motcua.workers.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The national population registry's lookup by citizen ID number (12 digits): {@code GET /citizens/{idNumber}}
 * answers the person as registered (full name, date of birth, permanent address), 404 for a number it does not know,
 * 400 for one that is not a citizen ID. It knows the citizens {@link #register registered} with it.
 */
public class PopulationRegistry extends SimulatedSystem {

  private static final Pattern CITIZEN = Pattern.compile("/citizens/([^/]+)");

  /** A person as the registry has them. */
  public record Citizen(String idNumber, String fullName, String dateOfBirth, String permanentAddress) {
  }

  private final Map<String, Citizen> citizens = new ConcurrentHashMap<>();

  public PopulationRegistry(long seed) {
    super("population registry", seed);
  }

  public PopulationRegistry register(Citizen citizen) {
    citizens.put(citizen.idNumber(), citizen);
    return this;
  }

  @Override
  protected Reply handle(Call call) {
    Matcher path = CITIZEN.matcher(call.path());
    if (!call.method().equals("GET") || !path.matches()) {
      return new Reply(404, Map.of("error", "no such resource: " + call.method() + " " + call.path()));
    }
    String id = path.group(1);
    if (!id.matches("\\d{12}")) {
      return new Reply(400, Map.of("error", "số định danh cá nhân phải gồm 12 chữ số: " + id));
    }
    Citizen citizen = citizens.get(id);
    if (citizen == null) {
      return new Reply(404, Map.of("error", "không có công dân mang số định danh " + id));
    }
    return new Reply(200, Map.of("idNumber", id, "fullName", citizen.fullName(), "dateOfBirth",
        citizen.dateOfBirth(), "permanentAddress", citizen.permanentAddress()));
  }
}
