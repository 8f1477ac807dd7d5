// The door's camera: reads a resident's check-in code with jsQR and submits the check-in form, so staff scan rather
// than type. Once started, scanning resumes after each check-in's page load until staff stop it, so a queue at the
// door is one tap, not one per person; the code just submitted is not sent again while its owner still holds it up.
// Without a camera (or permission) the typed form still works.
(function () {
    'use strict';
    const resumeKey = 'civicgrid.door.scanning';
    const lastKey = 'civicgrid.door.last';

    function scanner(section) {
        const form = section.querySelector('form[data-door-form]');
        const input = form.querySelector('input[name="Token"]');
        const start = section.querySelector('#scan-start');
        const stop = section.querySelector('#scan-stop');
        const video = section.querySelector('#scan-video');
        const status = section.querySelector('#scan-status');
        const canvas = document.createElement('canvas');
        const context = canvas.getContext('2d', { willReadFrequently: true });
        let stream = null;

        function show(scanning) {
            video.hidden = !scanning;
            start.hidden = scanning;
            stop.hidden = !scanning;
        }

        function end() {
            if (stream) {
                stream.getTracks().forEach(function (t) { t.stop(); });
                stream = null;
            }
            show(false);
        }

        function read() {
            if (!stream) {
                return;
            }
            if (video.readyState >= video.HAVE_CURRENT_DATA && video.videoWidth > 0) {
                const scale = Math.min(1, 640 / video.videoWidth);
                canvas.width = Math.round(video.videoWidth * scale);
                canvas.height = Math.round(video.videoHeight * scale);
                context.drawImage(video, 0, 0, canvas.width, canvas.height);
                const image = context.getImageData(0, 0, canvas.width, canvas.height);
                const code = window.jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
                if (code && code.data && code.data !== sessionStorage.getItem(lastKey)) {
                    input.value = code.data;
                    sessionStorage.setItem(resumeKey, section.dataset.session);
                    sessionStorage.setItem(lastKey, code.data);
                    end();
                    form.requestSubmit();
                    return;
                }
            }
            requestAnimationFrame(read);
        }

        async function begin() {
            status.textContent = '';
            if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
                status.textContent = section.dataset.noCamera;
                return;
            }
            try {
                stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
            } catch (e) {
                sessionStorage.removeItem(resumeKey);
                status.textContent = section.dataset.noCamera;
                return;
            }
            video.srcObject = stream;
            await video.play();
            show(true);
            status.textContent = section.dataset.scanning;
            requestAnimationFrame(read);
        }

        start.addEventListener('click', begin);
        stop.addEventListener('click', function () {
            sessionStorage.removeItem(resumeKey);
            status.textContent = '';
            end();
        });
        if (sessionStorage.getItem(resumeKey) === section.dataset.session) {
            begin();
        }
    }

    const section = document.querySelector('section[data-door-scanner]');
    if (section && window.jsQR) {
        section.querySelector('#scan-tools').hidden = false;
        scanner(section);
    }
})();
