package vn.motcua.webapp.workbench;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page of the workbench. */
@Controller
class LoginController {

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
