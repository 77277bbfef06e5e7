-- Neovim (0.7 API) as a real third-party LSP client of charterc-lsp:
-- with docs/editors.md's configuration already loaded (the test runs it
-- first, as printed there), open a charter, wait until the documented
-- FileType autocommand has attached the client, wait for diagnostics,
-- hover, format, write a JSON report to $CHARTER_OUT, quit. Driven by
-- test/editors/neovim.test.ts.
local file = os.getenv("CHARTER_FILE")
local out = os.getenv("CHARTER_OUT")
local hover_line = tonumber(os.getenv("CHARTER_HOVER_LINE"))
local hover_char = tonumber(os.getenv("CHARTER_HOVER_CHAR"))

local report = { errors = {} }
local function finish()
  local f = io.open(out, "w")
  f:write(vim.fn.json_encode(report))
  f:close()
  vim.cmd("qa!")
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  -- Two-space indentation, as the formatting options the client will send.
  vim.bo[buf].expandtab = true
  vim.bo[buf].shiftwidth = 2
  vim.bo[buf].tabstop = 2
  report.client = vim.wait(20000, function() return next(vim.lsp.buf_get_clients(buf)) ~= nil end, 50)

  report.got_diagnostics = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  report.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then code = d.user_data.lsp.code end
    table.insert(report.diagnostics, { lnum = d.lnum, col = d.col, message = d.message, severity = d.severity, code = code })
  end

  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = hover_line, character = hover_char } }
  local responses = vim.lsp.buf_request_sync(buf, "textDocument/hover", params, 10000) or {}
  for _, r in pairs(responses) do
    if r.result and r.result.contents then report.hover = r.result.contents.value end
    if r.err then table.insert(report.errors, vim.inspect(r.err)) end
  end

  vim.lsp.buf.formatting_sync(nil, 10000)
  report.formatted = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n") .. "\n"
end)
if not ok then table.insert(report.errors, tostring(err)) end
finish()
