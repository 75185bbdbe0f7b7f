package gov.envgov.k8s;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** A module's pom.xml, read with XPath (not namespace-aware, so paths are written without a prefix). */
record Pom(Path file, Document document) {

    static final String JIB = "build/plugins/plugin[artifactId='jib-maven-plugin']";
    static final String MANAGED_JIB = "build/pluginManagement/plugins/plugin[artifactId='jib-maven-plugin']";

    static Pom read(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new Pom(file, factory.newDocumentBuilder().parse(file.toFile()));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError(file + " cannot be read as XML", e);
        }
    }

    /** The trimmed text at the path below project/, or null when there is no such element. */
    String text(String path) {
        List<String> all = texts(path);
        return all.isEmpty() ? null : all.get(0);
    }

    List<String> texts(String path) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath()
                    .evaluate("/project/" + path, document, XPathConstants.NODESET);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                texts.add(nodes.item(i).getTextContent().trim());
            }
            return texts;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(path, e);
        }
    }

    boolean has(String path) {
        return !texts(path).isEmpty();
    }

    String property(String name) {
        return text("properties/" + name);
    }
}
