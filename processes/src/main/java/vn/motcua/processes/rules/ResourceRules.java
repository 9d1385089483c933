package vn.motcua.processes.rules;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * What a deployment may hold, checked before the engine reads any of it: models only (BPMN, DMN, Camunda Forms), and
 * each model well-formed XML without a document type — so a file that is not a model, an XML that is cut off, an
 * external entity (XXE) or an entity expansion bomb is refused with a message at the file (the engine API answers
 * 400 with it), never half-read.
 */
class ResourceRules implements Deployer {

  private static final Pattern MODEL = Pattern.compile(".+\\.(bpmn|bpmn20\\.xml|dmn|dmn11\\.xml|form)");
  private static final Pattern XML = Pattern.compile(".+\\.(bpmn|bpmn20\\.xml|dmn|dmn11\\.xml)");

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Map<String, List<Problem>> problems = new LinkedHashMap<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      String name = resource.getName();
      String problem = !MODEL.matcher(name).matches()
          ? "Tệp " + name + " không phải mô hình (chỉ nhận .bpmn, .dmn, .form). / " + name
              + " is not a model (only .bpmn, .dmn and .form files are deployed)."
          : XML.matcher(name).matches() ? unreadable(name, resource.getBytes()) : null;
      if (problem != null) {
        problems.put(name, new ArrayList<>(List.of(new RuleProblem(problem, null))));
      }
    }
    if (!problems.isEmpty()) {
      throw new ModelRefusal(problems);
    }
  }

  /** Why the file is not well-formed XML without a document type; none when it is. */
  private static String unreadable(String name, byte[] content) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(true);
      var builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      builder.parse(new ByteArrayInputStream(content));
      return null;
    } catch (Exception notXml) {
      return "Tệp " + name + " không đọc được như XML (có thể bị cắt, không phải XML, hoặc có khai báo DOCTYPE/thực"
          + " thể ngoài, không được phép): " + notXml.getMessage() + " / " + name + " cannot be read as XML (cut off,"
          + " not XML, or with a DOCTYPE or external entity, which are not allowed).";
    }
  }
}
