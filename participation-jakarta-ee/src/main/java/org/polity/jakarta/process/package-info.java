/**
 * The process capability in the adapter; aggregate root {@link
 * org.polity.process.ParticipatoryProcess}. {@link org.polity.jakarta.process.ProcessService} is
 * its application service (declare, list, read, phase moves, eligibility, date-driven moves) and
 * {@link org.polity.jakarta.process.ProcessResource} its REST resource. {@link
 * org.polity.jakarta.process.Processes} is the machinery shared with the project capability: it
 * loads a process as a {@link org.polity.jakarta.process.Processes.Loaded} snapshot (the process
 * with its kind and calendar, and an {@link org.polity.project.Edition} only for the kinds that
 * have projects), applies one change under a row lock, stores what changed with its version, and
 * fires the domain events after the commit. Stored documents are written by the storage codec
 * {@link org.polity.jakarta.process.ProcessStorage} (with a {@code schemaVersion}), never by the
 * REST codecs ({@link org.polity.jakarta.process.ProcessDocuments} reads definitions, {@link
 * org.polity.jakarta.process.ProcessViews} writes the API's views).
 *
 * <p>Wave 2's consultations and assemblies live beside the edition: a component of {@code Loaded}
 * built by {@code Processes} for their kinds, and a capability package of their own with its
 * service, resource and codecs, as {@code org.polity.jakarta.project} is for projects.
 */
package org.polity.jakarta.process;
