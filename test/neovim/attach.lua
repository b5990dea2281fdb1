-- A second, independent LSP client: Neovim's built-in one (0.7+: vim.lsp.start_client),
-- attached to the Infra Lens server. Opens the files, waits for their diagnostics, runs
-- workspace/executeCommand requests, writes everything as JSON and quits.
--   INFRA_LENS_SERVER    path of server.js
--   INFRA_LENS_FILES     files to open, separated by newlines
--   INFRA_LENS_COMMANDS  JSON list of {command, arguments}
--   INFRA_LENS_OUT       where to write the JSON result
-- As a user's Neovim has it: file types detected (the server gets them as languageId).
vim.cmd('filetype on')

local server = os.getenv('INFRA_LENS_SERVER')
local files = vim.split(os.getenv('INFRA_LENS_FILES'), '\n', { trimempty = true })
local commands = vim.fn.json_decode(os.getenv('INFRA_LENS_COMMANDS'))
local out = os.getenv('INFRA_LENS_OUT')

local result = { diagnostics = {}, commands = {}, filetypes = {}, errors = {} }
local published = {}
local last_publish = vim.loop.now()

local function finish()
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  local client_id = vim.lsp.start_client({
    name = 'infra-lens',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.getcwd(),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, params, ctx, config)
        published[vim.uri_to_fname(params.uri)] = true
        last_publish = vim.loop.now()
        return vim.lsp.diagnostic.on_publish_diagnostics(e, params, ctx, config)
      end,
    },
    on_exit = function(code)
      if code ~= 0 then table.insert(result.errors, 'server exited with ' .. code) end
    end,
  })
  assert(client_id, 'the language server did not start')

  -- One file at a time, as a user opens them: each gets its diagnostics before the next
  -- opens (so findings that depend on other open files must be refreshed by the server).
  local buffers = {}
  for _, file in ipairs(files) do
    vim.cmd('edit ' .. vim.fn.fnameescape(file))
    local bufnr = vim.api.nvim_get_current_buf()
    buffers[file] = bufnr
    result.filetypes[file] = vim.bo[bufnr].filetype
    vim.lsp.buf_attach_client(bufnr, client_id)
    local path = vim.fn.fnamemodify(file, ':p')
    if not vim.wait(20000, function() return published[path] ~= nil end, 20) then
      table.insert(result.errors, file .. ' received no diagnostics within 20 s')
    end
  end
  -- Then until the server has been quiet for a second (re-published findings settle).
  vim.wait(20000, function() return vim.loop.now() - last_publish > 1000 end, 50)
  for file, bufnr in pairs(buffers) do
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local lsp = (d.user_data or {}).lsp or {}
      table.insert(list, {
        line = d.lnum, character = d.col, endLine = d.end_lnum, endCharacter = d.end_col,
        severity = d.severity, message = d.message, source = d.source, code = d.code or lsp.code,
      })
    end
    result.diagnostics[file] = list
  end

  local client = vim.lsp.get_client_by_id(client_id)
  local any = buffers[files[1]]
  for _, c in ipairs(commands) do
    local response, request_err = client.request_sync('workspace/executeCommand', c, 30000, any)
    table.insert(result.commands, {
      command = c.command,
      result = response and response.result or vim.NIL,
      error = (response and response.err and response.err.message) or request_err or vim.NIL,
    })
  end
  client.stop()
end)
if not ok then table.insert(result.errors, tostring(err)) end
finish()
