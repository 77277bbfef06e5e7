;;; eglot-client.el --- Emacs + eglot as an LSP client of charterc-lsp  -*- lexical-binding: t -*-
;; With docs/editors.md's configuration loaded as printed there
;; ($CHARTER_SNIPPET), attach to a charter, wait for diagnostics (through
;; flymake), hover, format, write a JSON report to $CHARTER_OUT. Driven by
;; test/editors/eglot.test.ts.
(dolist (d (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*")) (add-to-list 'load-path d))
(require 'eglot)
(require 'json)
(load (getenv "CHARTER_SNIPPET") nil t)
(setq-default indent-tabs-mode nil tab-width 2)
(defvar report (list))
(defun report-put (k v) (setq report (cons (cons k v) report)))
(condition-case err
    (progn
      (find-file (getenv "CHARTER_FILE"))
      (apply #'eglot (eglot--guess-contact))
      (let ((deadline (+ (float-time) 20)))
        (while (and (< (float-time) deadline) (null (flymake-diagnostics)))
          (flymake-start)
          (accept-process-output nil 0.1)))
      (report-put 'diagnostics
                  (vconcat (mapcar (lambda (d)
                                     (let ((beg (flymake-diagnostic-beg d)))
                                       (list (cons 'line (line-number-at-pos beg))
                                             (cons 'column (save-excursion (goto-char beg) (1+ (current-column))))
                                             (cons 'message (flymake-diagnostic-text d)))))
                                   (flymake-diagnostics))))
      (goto-char (point-min))
      (search-forward "eligibility")
      (backward-char 3)
      (let ((h (jsonrpc-request (eglot-current-server) :textDocument/hover (eglot--TextDocumentPositionParams))))
        (report-put 'hover (plist-get (plist-get h :contents) :value)))
      (eglot-format-buffer)
      (report-put 'formatted (buffer-substring-no-properties (point-min) (point-max))))
  (error (report-put 'error (format "%S" err))))
(with-temp-file (getenv "CHARTER_OUT") (insert (json-encode report)))
(kill-emacs 0)
