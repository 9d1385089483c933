// Draws a procedure's model with the bpmn-js viewer and marks where the dossier stands (data-current: element ids).
document.querySelectorAll('[data-bpmn]').forEach(async (box) => {
  const viewer = new BpmnJS({ container: box });
  try {
    const answer = await fetch(box.dataset.bpmn);
    if (!answer.ok) {
      throw new Error(answer.status);
    }
    await viewer.importXML(await answer.text());
    const canvas = viewer.get('canvas');
    canvas.zoom('fit-viewport');
    const registry = viewer.get('elementRegistry');
    (box.dataset.current || '').split(',').filter((id) => registry.get(id)).forEach((id) => {
      canvas.addMarker(id, 'current-step');
    });
    box.dataset.ready = 'true';
  } catch (failed) {
    box.textContent = box.dataset.error;
    box.dataset.ready = 'failed';
  }
});
