package vn.motcua.webapp.workbench;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.motcua.webapp.people.FailedLogins;

/** The sign-in page of the workbench; 429 with the reason while the caller's address is blocked. */
@Controller
class LoginController {

  private final FailedLogins failures;

  LoginController(FailedLogins failures) {
    this.failures = failures;
  }

  @GetMapping("/login")
  String login(Model model, HttpServletRequest request, HttpServletResponse response) {
    if (failures.blocked(request.getRemoteAddr())) {
      response.setStatus(429);
      model.addAttribute("blocked", true);
    }
    return "login";
  }
}
