// Draws a decision table with the dmn-js viewer (data-dmn: the XML's address, data-table: the decision to open).
document.querySelectorAll('[data-dmn]').forEach(async (box) => {
  const viewer = new DmnJS({ container: box });
  try {
    const answer = await fetch(box.dataset.dmn);
    if (!answer.ok) {
      throw new Error(answer.status);
    }
    await viewer.importXML(await answer.text());
    const view = viewer.getViews().find((v) => v.type === 'decisionTable' && v.element.id === box.dataset.table);
    if (view) {
      await viewer.open(view);
    }
    box.dataset.ready = 'true';
  } catch (failed) {
    box.textContent = box.dataset.error;
    box.dataset.ready = 'failed';
  }
});
