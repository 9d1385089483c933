package vn.motcua.webapp.reform;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.springframework.stereotype.Service;
import vn.motcua.webapp.people.Staff;
import vn.motcua.webapp.system.ApiException;

/**
 * Deploys the models a reform officer uploads — BPMN, DMN and Camunda Forms together, as one deployment — through
 * the engine, whose parse applies motcua's model rules: a model that breaks them is refused with every problem at its
 * element, and nothing of the upload is deployed.
 */
@Service
class ModelDeployments {

  static final long MAX_BYTES = 5L * 1024 * 1024;
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._()-]{1,120}\\.(bpmn|dmn|form)");

  /** A file as uploaded. */
  record Upload(String fileName, byte[] content) {
  }

  /** A problem the engine or the rules found: in which file, at which element and line, what. */
  record Problem(String file, String element, int line, String message) {
  }

  /** What the deployment made: each definition with its key and new version. */
  record Deployed(String id, List<String> definitions) {
  }

  /** The upload was refused: the problems, file by file. */
  static final class Refused extends RuntimeException {
    private final transient List<Problem> problems;

    Refused(List<Problem> problems) {
      super(problems.size() + " problems");
      this.problems = problems;
    }

    List<Problem> problems() {
      return problems;
    }
  }

  private final RepositoryService repository;

  ModelDeployments(RepositoryService repository) {
    this.repository = repository;
  }

  Deployed deploy(String name, List<Upload> files, Staff by) {
    if (!by.reforming()) {
      throw ApiException.forbidden("models.reformOnly");
    }
    if (files.isEmpty()) {
      throw ApiException.badRequest("models.noFiles");
    }
    Map<String, Upload> byName = new LinkedHashMap<>();
    for (Upload file : files) {
      if (file.fileName() == null || !NAME.matcher(file.fileName()).matches()) {
        throw ApiException.badRequest("models.fileName", file.fileName());
      }
      if (file.content().length == 0 || file.content().length > MAX_BYTES) {
        throw ApiException.badRequest("models.fileSize", file.fileName(), MAX_BYTES / (1024 * 1024));
      }
      if (byName.put(file.fileName(), file) != null) {
        throw ApiException.badRequest("models.twice", file.fileName());
      }
    }
    DeploymentBuilder deployment = repository.createDeployment()
        .name(name == null || name.isBlank() ? "Triển khai của " + by.username() : name.strip())
        .source("motcua: " + by.username());
    byName.values().forEach(f -> deployment.addInputStream(f.fileName(), new ByteArrayInputStream(f.content())));
    try {
      DeploymentWithDefinitions done = deployment.deployWithResult();
      List<String> definitions = new ArrayList<>();
      // the engine answers null, not an empty list, for a kind the deployment has none of
      if (done.getDeployedProcessDefinitions() != null) {
        done.getDeployedProcessDefinitions().forEach(d -> definitions.add(d.getKey() + " v" + d.getVersion()));
      }
      if (done.getDeployedDecisionDefinitions() != null) {
        done.getDeployedDecisionDefinitions().forEach(d -> definitions.add(d.getKey() + " v" + d.getVersion()));
      }
      return new Deployed(done.getId(), definitions);
    } catch (ParseException refused) {
      List<Problem> problems = new ArrayList<>();
      refused.getResorceReports().forEach(report -> report.getErrors().forEach(p -> problems.add(new Problem(
          report.getResourceName(), p.getMainElementId(), p.getLine(), p.getMessage()))));
      throw new Refused(problems);
    } catch (ProcessEngineException unreadable) {
      // a DMN or form the engine cannot read: its own words, which name the file
      throw new Refused(List.of(new Problem(null, null, 0, unreadable.getMessage())));
    }
  }
}
