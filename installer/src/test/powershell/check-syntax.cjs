// Parses PowerShell scripts with the tree-sitter PowerShell grammar and prints every syntax error
// (an ERROR node) and every missing token as file:line:column. Exit code 1 when there is any.
// Usage: node check-syntax.cjs FILE.ps1...
const { Parser, Language } = require('web-tree-sitter');
const fs = require('fs');

(async () => {
  await Parser.init();
  const grammar = await Language.load(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'));
  const parser = new Parser();
  parser.setLanguage(grammar);
  let errors = 0;
  for (const file of process.argv.slice(2)) {
    const tree = parser.parse(fs.readFileSync(file, 'utf8'));
    const visit = (node) => {
      if (node.type === 'ERROR' || node.isMissing) {
        errors++;
        const what = node.isMissing ? `missing ${node.type}` : 'syntax error';
        const near = node.text.slice(0, 60).replace(/\s+/g, ' ');
        console.log(`${file}:${node.startPosition.row + 1}:${node.startPosition.column + 1}: ${what}: ${near}`);
      }
      for (let i = 0; i < node.childCount; i++) {
        visit(node.child(i));
      }
    };
    visit(tree.rootNode);
  }
  console.log(`${process.argv.length - 2} files, ${errors} errors`);
  process.exit(errors ? 1 : 0);
})();
